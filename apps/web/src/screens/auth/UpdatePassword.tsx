import { Alert, Button, Field, Input, Spinner } from "@docket/ui";
import { type FormEvent, useState } from "react";
import { describeAuthError } from "../../auth/auth-errors.ts";
import { useSession } from "../../auth/SessionProvider.tsx";
import { Link, navigate } from "../../lib/router.tsx";
import { auth } from "../../lib/supabase.ts";
import { useSubmit } from "../../lib/use-submit.ts";
import { AuthLayout } from "./AuthLayout.tsx";
import { MIN_PASSWORD_LENGTH } from "./SignUp.tsx";

/** Reached from the recovery e-mail (the link signs the user in) or from the profile page. */
export function UpdatePassword() {
  const session = useSession();
  const [password, setPassword] = useState("");
  const { pending, error, run } = useSubmit();

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      if (password.length < MIN_PASSWORD_LENGTH)
        return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
      const { error } = await auth.updateUser({ password });
      if (error) return describeAuthError(error);
      navigate("/documents?password=updated", { replace: true });
      return null;
    });
  }

  if (session.status === "loading") {
    return (
      <AuthLayout title="Choose a new password">
        <Spinner />
      </AuthLayout>
    );
  }
  if (session.status === "signed-out") {
    return (
      <AuthLayout title="Choose a new password">
        <Alert title="This link has expired or was already used">
          <Link to="/forgot-password" className="underline">
            Ask for a new one
          </Link>
          .
        </Alert>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Choose a new password">
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <Field label="New password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
          {(p) => (
            <Input
              {...p}
              type="password"
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        {error && <Alert>{error}</Alert>}
        <Button type="submit" loading={pending}>
          Save password
        </Button>
      </form>
    </AuthLayout>
  );
}
