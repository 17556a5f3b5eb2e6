import { Alert, EmailField, PasswordField, SubmitForm, useSubmit } from "@docket/ui";
import { describeAuthError } from "@docket/ui/auth";
import { Link, navigate } from "@docket/ui/router";
import { useState } from "react";
import { auth, callbackUrl } from "../../lib/supabase.ts";
import { AuthLayout } from "./AuthLayout.tsx";

export const MIN_PASSWORD_LENGTH = 8;

export function SignUp() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { pending, error, run } = useSubmit();
  const tooShort = password.length > 0 && password.length < MIN_PASSWORD_LENGTH;

  function submit() {
    void run(async () => {
      if (!/^[^\s@]+@[^\s@]+$/.test(email)) return "Enter a valid e-mail address.";
      if (password.length < MIN_PASSWORD_LENGTH)
        return `Use at least ${MIN_PASSWORD_LENGTH} characters for the password.`;
      const { data, error } = await auth.signUp({
        email,
        password,
        options: { emailRedirectTo: callbackUrl() },
      });
      if (error) return describeAuthError(error);
      // With e-mail confirmation off the session is there at once.
      if (data.session) navigate("/documents", { replace: true });
      else setSentTo(email);
      return null;
    });
  }

  return (
    <AuthLayout
      title="Create your account"
      footer={
        <>
          Already have an account?{" "}
          <Link to="/sign-in" className="font-medium text-brand-700 underline">
            Sign in
          </Link>
        </>
      }
    >
      {sentTo ? (
        <Alert tone="success" title="Confirm your e-mail">
          We sent a confirmation link to {sentTo}. Open it to finish signing up.
        </Alert>
      ) : (
        <SubmitForm onSubmit={submit} submitLabel="Sign up" pending={pending} error={error}>
          <EmailField value={email} onChange={setEmail} />
          <PasswordField
            autoComplete="new-password"
            hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
            error={tooShort ? "Too short so far." : undefined}
            value={password}
            onChange={setPassword}
          />
        </SubmitForm>
      )}
    </AuthLayout>
  );
}
