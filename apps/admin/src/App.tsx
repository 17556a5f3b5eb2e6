import { Spinner } from "@docket/ui";
import { matchPath, useLocation } from "@docket/ui/router";
import { useSession } from "@docket/ui/session";
import { useEffect } from "react";
import { AdminGate } from "./auth/AdminGate.tsx";
import { AdminShell } from "./layout/AdminShell.tsx";
import { resetForbidden } from "./lib/forbidden.ts";
import { AuditPage } from "./screens/AuditPage.tsx";
import { JobDetailPage } from "./screens/JobDetailPage.tsx";
import { JobsPage } from "./screens/JobsPage.tsx";
import { NotFoundPage } from "./screens/NotFoundPage.tsx";
import { OverviewPage } from "./screens/OverviewPage.tsx";
import { SignIn } from "./screens/SignIn.tsx";
import { SystemPage } from "./screens/SystemPage.tsx";
import { UserDetailPage } from "./screens/UserDetailPage.tsx";
import { UsersPage } from "./screens/UsersPage.tsx";

function Screen({ pathname }: { pathname: string }) {
  const user = matchPath("/users/:id", pathname);
  const job = matchPath("/jobs/:id", pathname);
  if (pathname === "/") return <OverviewPage />;
  if (pathname === "/users") return <UsersPage />;
  if (user?.id) return <UserDetailPage key={user.id} id={user.id} />;
  if (pathname === "/jobs") return <JobsPage />;
  if (job?.id) return <JobDetailPage key={job.id} id={job.id} />;
  if (pathname === "/system") return <SystemPage />;
  if (pathname === "/audit") return <AuditPage />;
  return <NotFoundPage />;
}

export function App() {
  const session = useSession();
  const { pathname } = useLocation();
  const userId = session.status === "signed-in" ? session.session.user.id : null;

  // A 403 belongs to the person who got it; the next one starts with a clean slate.
  useEffect(() => {
    if (userId) resetForbidden();
  }, [userId]);

  if (session.status === "loading") {
    return (
      <div className="flex min-h-dvh items-center justify-center">
        <Spinner label="Loading" />
      </div>
    );
  }
  // The sign-in form shows at whatever address was asked for, so the page is there after it.
  if (session.status === "signed-out") return <SignIn />;
  const email = session.session.user.email ?? "";
  return (
    <AdminGate key={session.session.user.id} email={email}>
      <AdminShell email={email}>
        <Screen pathname={pathname} />
      </AdminShell>
    </AdminGate>
  );
}
