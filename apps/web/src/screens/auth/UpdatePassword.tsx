import { Alert, PasswordField, Spinner, SubmitForm, useSubmit } from "@docket/ui";
import { describeAuthError } from "@docket/ui/auth";
import { Link, navigate } from "@docket/ui/router";
import { useSession } from "@docket/ui/session";
import { useState } from "react";
import { auth } from "../../lib/supabase.ts";
import { AuthLayout } from "./AuthLayout.tsx";
import { MIN_PASSWORD_LENGTH } from "./SignUp.tsx";

/** Reached from the recovery e-mail (the link signs the user in) or from the profile page. */
export function UpdatePassword() {
  const session = useSession();
  const [password, setPassword] = useState("");
  const { pending, error, run } = useSubmit();

  function submit() {
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
      <SubmitForm onSubmit={submit} submitLabel="Save password" pending={pending} error={error}>
        <PasswordField
          label="New password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          value={password}
          onChange={setPassword}
        />
      </SubmitForm>
    </AuthLayout>
  );
}
