import { Alert, Button, Field, Input } from "@docket/ui";
import { type FormEvent, useState } from "react";
import { auth } from "../lib/supabase.ts";

/** E-mail + password only: staff accounts are made by hand, so there is no sign-up here. */
export function SignIn() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const { error: signInError } = await auth.signInWithPassword({ email, password });
    setPending(false);
    if (signInError) {
      setError(
        signInError.code === "invalid_credentials"
          ? "That e-mail and password do not match an account."
          : signInError.message,
      );
    }
  }

  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-10">
      <p className="mb-6 text-2xl font-bold tracking-tight text-brand-700">Docket Admin</p>
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-5 text-xl font-semibold text-slate-900">Sign in</h1>
        <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4" noValidate>
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
          <Field label="Password">
            {(p) => (
              <Input
                {...p}
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          {error && <Alert>{error}</Alert>}
          <Button type="submit" loading={pending}>
            Sign in
          </Button>
        </form>
      </div>
    </main>
  );
}
