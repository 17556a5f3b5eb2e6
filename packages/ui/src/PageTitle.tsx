import type { ReactNode } from "react";

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
