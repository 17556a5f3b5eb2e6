import { type ReactNode, useEffect, useRef } from "react";
import { cn } from "./cn.ts";
import { useLocation } from "./router/history.ts";
import { Link } from "./router/Link.tsx";

export interface NavItem {
  to: string;
  label: string;
  /** E.g. an unread count after the label. */
  badge?: ReactNode;
}

const tones = {
  light: {
    header: "bg-white",
    brand: "text-brand-700",
    active: "bg-brand-50 font-medium text-brand-700",
    idle: "text-slate-600 hover:bg-slate-100",
  },
  dark: {
    header: "bg-slate-900 text-white",
    brand: "",
    active: "bg-white/15 font-medium",
    idle: "text-slate-300 hover:bg-white/10",
  },
} as const;

export interface ShellProps {
  /** The name in the header, linking to `home`. */
  brand: ReactNode;
  home: string;
  nav: readonly NavItem[];
  tone?: keyof typeof tones;
  /** Wider pages for tables with many columns. */
  wide?: boolean;
  /** Right side of the header, e.g. the sign-out button. */
  aside: ReactNode;
  children: ReactNode;
}

/** "/" is only active on itself; any other item also on the pages below it. */
function isActive(to: string, pathname: string): boolean {
  return to === "/" ? pathname === "/" : pathname === to || pathname.startsWith(`${to}/`);
}

/** Skip link, header with navigation, and the main region of every signed-in screen. */
export function Shell({ brand, home, nav, tone = "light", wide, aside, children }: ShellProps) {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const look = tones[tone];
  const width = wide ? "max-w-6xl" : "max-w-5xl";

  // After an in-app navigation, focus the new page's title so screen readers announce it.
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
      <header className={cn("border-b border-slate-200", look.header)}>
        <div className={cn("mx-auto flex flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3", width)}>
          <Link to={home} className={cn("text-lg font-bold tracking-tight", look.brand)}>
            {brand}
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
                        "inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm",
                        active ? look.active : look.idle,
                      )}
                    >
                      {item.label}
                      {item.badge}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">{aside}</div>
        </div>
      </header>
      <main id="main" ref={main} className={cn("mx-auto px-4 py-6 sm:py-8", width)}>
        {children}
      </main>
    </div>
  );
}
