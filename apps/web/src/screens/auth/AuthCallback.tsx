import { Alert, Spinner } from "@docket/ui";
import { Link, navigate } from "@docket/ui/router";
import { useEffect, useState } from "react";
import { auth } from "../../lib/supabase.ts";

/**
 * Where confirmation links, magic links and OAuth return. supabase-js exchanges the `?code=` for
 * a session while it initialises; getSession() waits for that, then we move on or explain.
 */
export function AuthCallback() {
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const params = new URLSearchParams(
      window.location.search + window.location.hash.replace(/^#/, "&"),
    );
    const described = params.get("error_description");
    if (described) {
      setProblem(described);
      return;
    }
    let cancelled = false;
    void auth.getSession().then(({ data, error }) => {
      if (cancelled) return;
      if (data.session) navigate("/documents", { replace: true });
      // Typically a link opened in another browser than the one that asked for it: the PKCE
      // verifier lives there. A confirmation has still gone through on the server.
      else
        setProblem(
          error?.message ??
            "This link has expired, was already used, or was opened in another browser. If it confirmed your e-mail, sign in with your password.",
        );
    });
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      {problem ? (
        <div className="w-full max-w-sm">
          <Alert title="We could not sign you in">
            <p>{problem}</p>
            <p className="mt-2">
              <Link to="/sign-in" className="underline">
                Back to sign in
              </Link>
            </p>
          </Alert>
        </div>
      ) : (
        <Spinner label="Signing you in" />
      )}
    </main>
  );
}
