import { Badge } from "@docket/ui";
import type { AdminUser } from "../lib/api-types.ts";

export function UserBadges({ user }: { user: AdminUser }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      {user.isAdmin && <Badge tone="info">admin</Badge>}
      {user.isBanned && <Badge tone="danger">banned</Badge>}
      {!user.emailConfirmedAt && <Badge tone="warning">unconfirmed</Badge>}
    </span>
  );
}
