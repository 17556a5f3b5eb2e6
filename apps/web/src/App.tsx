import { Spinner } from "@docket/ui";
import { matchPath, navigate, useLocation } from "@docket/ui/router";
import { useSession } from "@docket/ui/session";
import { useEffect } from "react";
import { AppShell } from "./layout/AppShell.tsx";
import { nextPath } from "./lib/links.ts";
import { AuthCallback } from "./screens/auth/AuthCallback.tsx";
import { ForgotPassword } from "./screens/auth/ForgotPassword.tsx";
import { SignIn } from "./screens/auth/SignIn.tsx";
import { SignUp } from "./screens/auth/SignUp.tsx";
import { UpdatePassword } from "./screens/auth/UpdatePassword.tsx";
import { DocumentDetail } from "./screens/DocumentDetail.tsx";
import { DocumentsPage } from "./screens/DocumentsPage.tsx";
import { NotFound } from "./screens/NotFound.tsx";
import { NotificationsPage } from "./screens/NotificationsPage.tsx";
import { ProfilePage } from "./screens/ProfilePage.tsx";

const publicScreens: Record<string, () => React.JSX.Element> = {
  "/sign-in": SignIn,
  "/sign-up": SignUp,
  "/forgot-password": ForgotPassword,
  "/update-password": UpdatePassword,
  "/auth/callback": AuthCallback,
};

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function SignedInRoutes({ pathname }: { pathname: string }) {
  if (pathname === "/" || pathname === "/sign-in" || pathname === "/sign-up") {
    return <Redirect to={nextPath()} />;
  }
  const doc = matchPath("/documents/:id", pathname);
  return (
    <AppShell>
      {pathname === "/documents" ? (
        <DocumentsPage />
      ) : doc?.id ? (
        <DocumentDetail id={doc.id} />
      ) : pathname === "/notifications" ? (
        <NotificationsPage />
      ) : pathname === "/profile" ? (
        <ProfilePage />
      ) : (
        <NotFound />
      )}
    </AppShell>
  );
}

export function App() {
  const session = useSession();
  const { pathname, search } = useLocation();
  const Public = publicScreens[pathname];

  // Auth screens handle their own session needs (the callback and recovery create one).
  if (
    Public &&
    !(session.status === "signed-in" && (pathname === "/sign-in" || pathname === "/sign-up"))
  ) {
    return <Public />;
  }
  if (session.status === "loading") {
    return (
      <div className="flex min-h-dvh items-center justify-center">
        <Spinner label="Loading Docket" />
      </div>
    );
  }
  if (session.status === "signed-out") {
    // Come back to the page asked for after signing in.
    const next = pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
    return <Redirect to={`/sign-in${next}`} />;
  }
  return <SignedInRoutes pathname={pathname} />;
}
