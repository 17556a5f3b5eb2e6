import { cn } from "./cn.ts";

export interface ProgressProps {
  /** 0–100; clamped. */
  value: number;
  label: string;
  tone?: "brand" | "success" | "danger";
  className?: string;
}

const fills = { brand: "bg-brand-500", success: "bg-emerald-500", danger: "bg-red-500" } as const;

export function Progress({ value, label, tone = "brand", className }: ProgressProps) {
  const pct = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className={cn("flex items-center gap-3", className)}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="h-2.5 flex-1 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={cn("h-full rounded-full transition-[width] duration-500", fills[tone])}
          style={{ width: `${pct}%` }}
        />
      </div>
      <span className="w-12 whitespace-nowrap text-right text-sm tabular-nums text-slate-600">
        {pct} %
      </span>
    </div>
  );
}
