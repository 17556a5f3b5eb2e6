import { Alert, EmailField, SubmitForm, useSubmit } from "@docket/ui";
import { describeAuthError } from "@docket/ui/auth";
import { Link } from "@docket/ui/router";
import { useState } from "react";
import { auth, callbackUrl } from "../../lib/supabase.ts";
import { AuthLayout } from "./AuthLayout.tsx";

export function ForgotPassword() {
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState(false);
  const { pending, error, run } = useSubmit();

  function submit() {
    void run(async () => {
      const { error } = await auth.resetPasswordForEmail(email, {
        redirectTo: callbackUrl("/update-password"),
      });
      if (error) return describeAuthError(error);
      setSent(true);
      return null;
    });
  }

  return (
    <AuthLayout
      title="Reset your password"
      footer={
        <Link to="/sign-in" className="font-medium text-brand-700 underline">
          Back to sign in
        </Link>
      }
    >
      {sent ? (
        // Same answer whether or not the account exists, as Auth itself does.
        <Alert tone="success" title="Check your e-mail">
          If {email} has an account, a link to choose a new password is on its way.
        </Alert>
      ) : (
        <SubmitForm onSubmit={submit} submitLabel="Send reset link" pending={pending} error={error}>
          <EmailField value={email} onChange={setEmail} />
        </SubmitForm>
      )}
    </AuthLayout>
  );
}
