import { Button } from "@docket/ui";
import { auth } from "../lib/supabase.ts";

/** For signed-in people who are not admins. The server refuses them anyway. */
export function NotAuthorized({ email }: { email: string | null }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4">
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
        <h1 className="text-xl font-semibold text-slate-900">Not authorized</h1>
        <p className="mt-3 text-sm text-slate-600">
          {email ? <strong>{email}</strong> : "This account"} is not a Docket admin. Ask an admin to
          grant you access, then reload this page.
        </p>
        <div className="mt-5 flex justify-center gap-2">
          <Button variant="secondary" onClick={() => window.location.reload()}>
            Reload
          </Button>
          <Button onClick={() => void auth.signOut()}>Sign out</Button>
        </div>
      </div>
    </main>
  );
}
