// The user record admins see: Auth's user plus the profile name and the admin flag.
import type { User } from "@supabase/supabase-js";

export interface AdminUserView {
  id: string;
  email: string | null;
  displayName: string | null;
  createdAt: string;
  lastSignInAt: string | null;
  emailConfirmedAt: string | null;
  bannedUntil: string | null;
  isBanned: boolean;
  isAdmin: boolean;
}

export function adminUserView(
  user: User,
  extra: { displayName: string | null; isAdmin: boolean },
  now = Date.now(),
): AdminUserView {
  const bannedUntil = user.banned_until ?? null;
  return {
    id: user.id,
    email: user.email ?? null,
    displayName: extra.displayName,
    createdAt: user.created_at,
    lastSignInAt: user.last_sign_in_at ?? null,
    emailConfirmedAt: user.email_confirmed_at ?? null,
    bannedUntil,
    isBanned: bannedUntil !== null && Date.parse(bannedUntil) > now,
    isAdmin: extra.isAdmin,
  };
}
