import { Alert, Button, Field, Input } from "@docket/ui";
import { type FormEvent, useState } from "react";
import { describeAuthError } from "../../auth/auth-errors.ts";
import { Link } from "../../lib/router.tsx";
import { auth, callbackUrl } from "../../lib/supabase.ts";
import { useSubmit } from "../../lib/use-submit.ts";
import { AuthLayout } from "./AuthLayout.tsx";

export function ForgotPassword() {
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState(false);
  const { pending, error, run } = useSubmit();

  function submit(event: FormEvent) {
    event.preventDefault();
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
        <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
          <Field label="E-mail">
            {(p) => (
              <Input
                {...p}
                type="email"
                autoComplete="email"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            )}
          </Field>
          {error && <Alert>{error}</Alert>}
          <Button type="submit" loading={pending}>
            Send reset link
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
