import type { ReactNode } from "react";
import { Link } from "./router/Link.tsx";

const brandClass = "mb-6 text-2xl font-bold tracking-tight text-brand-700";

export interface AuthCardProps {
  brand: string;
  /** Where the brand links to; plain text without it. */
  home?: string;
  title: string;
  children: ReactNode;
  footer?: ReactNode;
}

/** The centred card of every signed-out screen. */
export function AuthCard({ brand, home, title, children, footer }: AuthCardProps) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-10">
      {home ? (
        <Link to={home} className={brandClass}>
          {brand}
        </Link>
      ) : (
        <p className={brandClass}>{brand}</p>
      )}
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-5 text-xl font-semibold text-slate-900">{title}</h1>
        {children}
      </div>
      {footer && <div className="mt-4 text-sm text-slate-600">{footer}</div>}
    </main>
  );
}
