import { Alert, EmailField, PasswordField, SubmitForm, useSubmit } from "@docket/ui";
import { describeAuthError } from "@docket/ui/auth";
import { Link, navigate } from "@docket/ui/router";
import { useState } from "react";
import { clearSignedOutReason, useSignedOutReason } from "../../auth/session-notice.ts";
import { nextPath } from "../../lib/links.ts";
import { auth, callbackUrl } from "../../lib/supabase.ts";
import { AuthLayout } from "./AuthLayout.tsx";
import { OAuthButtons } from "./OAuthButtons.tsx";

type Mode = "password" | "magic-link";

export function SignIn() {
  const [mode, setMode] = useState<Mode>("password");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const notice = useSignedOutReason();
  const [linkSentTo, setLinkSentTo] = useState<string | null>(null);
  const { pending, error, setError, run } = useSubmit();

  function submit() {
    void run(async () => {
      if (mode === "password") {
        const { error } = await auth.signInWithPassword({ email, password });
        if (error) return describeAuthError(error);
        clearSignedOutReason();
        navigate(nextPath(), { replace: true });
        return null;
      }
      const { error } = await auth.signInWithOtp({
        email,
        options: { shouldCreateUser: false, emailRedirectTo: callbackUrl() },
      });
      if (error) return describeAuthError(error);
      setLinkSentTo(email);
      return null;
    });
  }

  return (
    <AuthLayout
      title="Sign in"
      footer={
        <>
          New here?{" "}
          <Link to="/sign-up" className="font-medium text-brand-700 underline">
            Create an account
          </Link>
        </>
      }
    >
      {notice && (
        <div className="mb-4">
          <Alert tone="info">{notice}</Alert>
        </div>
      )}
      {linkSentTo ? (
        <Alert tone="success" title="Check your e-mail">
          We sent a sign-in link to {linkSentTo}. Open it on this device.
        </Alert>
      ) : (
        <SubmitForm
          onSubmit={submit}
          submitLabel={mode === "password" ? "Sign in" : "Send me a link"}
          pending={pending}
          error={error}
          after={
            mode === "password" && (
              <Link to="/forgot-password" className="text-center text-sm text-brand-700 underline">
                Forgot your password?
              </Link>
            )
          }
        >
          <fieldset className="grid grid-cols-2 gap-1 rounded-md bg-slate-100 p-1 text-sm">
            <legend className="sr-only">Sign-in method</legend>
            {(["password", "magic-link"] as const).map((m) => (
              <button
                key={m}
                type="button"
                aria-pressed={mode === m}
                onClick={() => setMode(m)}
                className={`rounded px-2 py-1.5 ${mode === m ? "bg-white font-medium shadow-sm" : "text-slate-600"}`}
              >
                {m === "password" ? "Password" : "E-mail link"}
              </button>
            ))}
          </fieldset>
          <EmailField value={email} onChange={setEmail} />
          {mode === "password" && <PasswordField value={password} onChange={setPassword} />}
        </SubmitForm>
      )}
      <OAuthButtons onError={setError} />
    </AuthLayout>
  );
}
