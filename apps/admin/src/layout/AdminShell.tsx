import { Button, cn } from "@docket/ui";
import { type ReactNode, useEffect, useRef } from "react";
import { Link, useLocation } from "../lib/router.tsx";
import { auth } from "../lib/supabase.ts";

const nav = [
  { to: "/", label: "Overview" },
  { to: "/users", label: "Users" },
  { to: "/jobs", label: "Jobs" },
  { to: "/system", label: "System" },
  { to: "/audit", label: "Audit log" },
] as const;

function isActive(to: string, pathname: string): boolean {
  return to === "/" ? pathname === "/" : pathname === to || pathname.startsWith(`${to}/`);
}

/** Header, navigation and main region of every dashboard screen. */
export function AdminShell({ email, children }: { email: string; children: ReactNode }) {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);

  // After in-app navigation, focus the new page's title so screen readers announce it.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.querySelector<HTMLElement>("h1")?.focus();
  }, [pathname]);

  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-slate-900 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link to="/" className="text-lg font-bold tracking-tight">
            Docket <span className="font-normal text-slate-300">Admin</span>
          </Link>
          <nav aria-label="Main" className="order-last w-full sm:order-none sm:w-auto">
            <ul className="flex flex-wrap gap-1">
              {nav.map((item) => {
                const active = isActive(item.to, pathname);
                return (
                  <li key={item.to}>
                    <Link
                      to={item.to}
                      aria-current={active ? "page" : undefined}
                      className={cn(
                        "inline-flex rounded-md px-3 py-1.5 text-sm",
                        active ? "bg-white/15 font-medium" : "text-slate-300 hover:bg-white/10",
                      )}
                    >
                      {item.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm text-slate-300">
            <span className="hidden md:inline">{email}</span>
            <Button variant="secondary" size="sm" onClick={() => void auth.signOut()}>
              Sign out
            </Button>
          </div>
        </div>
      </header>
      <main id="main" ref={main} className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}

/** Page title that takes focus after navigation (tabIndex -1 keeps it out of the tab order). */
export function PageTitle({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
      <h1
        tabIndex={-1}
        className="text-2xl font-semibold tracking-tight text-slate-900 focus:outline-none"
      >
        {children}
      </h1>
      {actions}
    </div>
  );
}
