import { Alert, Button, Spinner } from "@docket/ui";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { describeApiError } from "../lib/api-error.ts";
import { useForbidden } from "../lib/forbidden.ts";
import { trpc } from "../lib/trpc.ts";
import { NotAuthorized } from "../screens/NotAuthorized.tsx";

/**
 * Shows the dashboard only to people the server calls admins (`me.isAdmin`, read from
 * user_roles at request time). This is only what the UI reflects: every admin procedure checks
 * again on the server, and a 403 from any of them brings this screen back.
 */
export function AdminGate({ email, children }: { email: string; children: ReactNode }) {
  const me = useQuery({ ...trpc.me.queryOptions(), staleTime: 30_000 });
  const forbidden = useForbidden();

  if (me.isPending) {
    return (
      <div className="flex min-h-dvh items-center justify-center">
        <Spinner label="Checking your access" />
      </div>
    );
  }
  if (me.isError) {
    return (
      <main className="mx-auto max-w-md p-6">
        <Alert
          title="Cannot check your access"
          action={
            <Button size="sm" variant="secondary" onClick={() => void me.refetch()}>
              Try again
            </Button>
          }
        >
          {describeApiError(me.error)}
        </Alert>
      </main>
    );
  }
  if (forbidden || !me.data.isAdmin) return <NotAuthorized email={me.data.email ?? email} />;
  return children;
}
