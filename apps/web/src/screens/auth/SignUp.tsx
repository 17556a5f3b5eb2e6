import { Alert, Button, Field, Input } from "@docket/ui";
import { type FormEvent, useState } from "react";
import { describeAuthError } from "../../auth/auth-errors.ts";
import { Link, navigate } from "../../lib/router.tsx";
import { auth, callbackUrl } from "../../lib/supabase.ts";
import { useSubmit } from "../../lib/use-submit.ts";
import { AuthLayout } from "./AuthLayout.tsx";

export const MIN_PASSWORD_LENGTH = 8;

export function SignUp() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { pending, error, run } = useSubmit();
  const tooShort = password.length > 0 && password.length < MIN_PASSWORD_LENGTH;

  function submit(event: FormEvent) {
    event.preventDefault();
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
          <Field
            label="Password"
            hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
            error={tooShort ? "Too short so far." : undefined}
          >
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
            Sign up
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
