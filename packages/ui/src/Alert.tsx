import type { ReactNode } from "react";
import { cn } from "./cn.ts";

const tones = {
  error: "border-red-200 bg-red-50 text-red-800",
  info: "border-sky-200 bg-sky-50 text-sky-900",
  success: "border-emerald-200 bg-emerald-50 text-emerald-900",
} as const;

export interface AlertProps {
  tone?: keyof typeof tones;
  title?: string;
  children?: ReactNode;
  /** E.g. a "Try again" button. */
  action?: ReactNode;
}

/** An inline message. Errors use role="alert" so they are announced as soon as they appear. */
export function Alert({ tone = "error", title, children, action }: AlertProps) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "flex flex-wrap items-start justify-between gap-3 rounded-md border p-3 text-sm",
        tones[tone],
      )}
    >
      <div>
        {title && <p className="font-medium">{title}</p>}
        {children && <div className={title ? "mt-1" : undefined}>{children}</div>}
      </div>
      {action}
    </div>
  );
}
