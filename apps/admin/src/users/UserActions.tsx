import { Alert, Button, useToast } from "@docket/ui";
import { navigate } from "@docket/ui/router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { describeApiError } from "../lib/api-error.ts";
import type { AdminUser } from "../lib/api-types.ts";
import { ConfirmButton } from "../lib/ConfirmButton.tsx";
import { trpc } from "../lib/trpc.ts";

const BAN_HOURS = 24 * 365 * 100;

/** Grant/revoke admin, ban/unban and delete. Every one is audited by the server. */
export function UserActions({ user }: { user: AdminUser }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const refresh = () => queryClient.invalidateQueries(trpc.admin.users.pathFilter());
  const done = (title: string) => () => {
    toast({ title, tone: "success" });
    void refresh();
  };

  const grant = useMutation(
    trpc.admin.users.grantAdmin.mutationOptions({ onSuccess: done("Admin granted") }),
  );
  const revoke = useMutation(
    trpc.admin.users.revokeAdmin.mutationOptions({ onSuccess: done("Admin revoked") }),
  );
  const ban = useMutation(trpc.admin.users.ban.mutationOptions({ onSuccess: done("User banned") }));
  const unban = useMutation(
    trpc.admin.users.unban.mutationOptions({ onSuccess: done("User unbanned") }),
  );
  const remove = useMutation(
    trpc.admin.users.delete.mutationOptions({
      onSuccess: () => {
        toast({ title: "User deleted", tone: "success" });
        void refresh();
        navigate("/users", { replace: true });
      },
    }),
  );
  const failed = [grant, revoke, ban, unban, remove].find((m) => m.isError);
  const userId = user.id;
  const who = user.email ?? user.id;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        {user.isAdmin ? (
          <ConfirmButton
            title="Revoke admin?"
            description={`${who} loses access to this dashboard and every admin call at once.`}
            confirmLabel="Revoke admin"
            loading={revoke.isPending}
            onConfirm={() => revoke.mutate({ userId })}
          >
            Revoke admin
          </ConfirmButton>
        ) : (
          <ConfirmButton
            title="Grant admin?"
            description={`${who} will be able to see every user's data and run system operations.`}
            confirmLabel="Grant admin"
            loading={grant.isPending}
            onConfirm={() => grant.mutate({ userId })}
          >
            Grant admin
          </ConfirmButton>
        )}
        {user.isBanned ? (
          <Button
            variant="secondary"
            loading={unban.isPending}
            onClick={() => unban.mutate({ userId })}
          >
            Unban
          </Button>
        ) : (
          <ConfirmButton
            title="Ban this user?"
            description={`${who} cannot sign in or refresh a session until unbanned.`}
            confirmLabel="Ban"
            loading={ban.isPending}
            onConfirm={() => ban.mutate({ userId, hours: BAN_HOURS })}
          >
            Ban
          </ConfirmButton>
        )}
        <ConfirmButton
          variant="danger"
          title="Delete this user?"
          description={`${who}, their documents, files, jobs and notifications are deleted for good. This cannot be undone.`}
          confirmLabel="Delete for good"
          loading={remove.isPending}
          onConfirm={() => remove.mutate({ userId })}
        >
          Delete user
        </ConfirmButton>
      </div>
      {failed && <Alert>{describeApiError(failed.error)}</Alert>}
    </div>
  );
}
