import { Button, cn } from "@docket/ui";
import { type ReactNode, useEffect, useRef } from "react";
import { Link, useLocation } from "../lib/router.tsx";
import { auth } from "../lib/supabase.ts";
import { UnreadCount } from "./UnreadCount.tsx";

const nav = [
  { to: "/documents", label: "Documents" },
  { to: "/notifications", label: "Notifications" },
  { to: "/profile", label: "Profile" },
] as const;

/** Header, navigation and the main region of every signed-in screen. */
export function AppShell({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);

  // After an in-app navigation, move focus to the new page so screen readers announce it.
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
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link to="/documents" className="text-lg font-bold tracking-tight text-brand-700">
            Docket
          </Link>
          <nav aria-label="Main" className="order-last w-full sm:order-none sm:w-auto">
            <ul className="flex gap-1">
              {nav.map((item) => {
                const active = pathname === item.to || pathname.startsWith(`${item.to}/`);
                return (
                  <li key={item.to}>
                    <Link
                      to={item.to}
                      aria-current={active ? "page" : undefined}
                      className={cn(
                        "inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm",
                        active
                          ? "bg-brand-50 font-medium text-brand-700"
                          : "text-slate-600 hover:bg-slate-100",
                      )}
                    >
                      {item.label}
                      {item.to === "/notifications" && <UnreadCount />}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          <div className="ml-auto">
            <Button variant="ghost" size="sm" onClick={() => void auth.signOut()}>
              Sign out
            </Button>
          </div>
        </div>
      </header>
      <main id="main" ref={main} className="mx-auto max-w-5xl px-4 py-6 sm:py-8">
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
