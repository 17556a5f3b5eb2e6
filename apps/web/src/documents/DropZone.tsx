import { cn } from "@docket/ui";
import { type DragEvent, useId, useState } from "react";
import { ACCEPT_ATTRIBUTE, formatBytes, MAX_UPLOAD_BYTES } from "../lib/file-rules.ts";

export interface DropZoneProps {
  onFiles: (files: File[]) => void;
  disabled?: boolean;
}

/**
 * Drop files here or pick them. The real control is the file input (visually hidden but focusable),
 * so keyboard and screen-reader users get the browser's own file picker.
 */
export function DropZone({ onFiles, disabled }: DropZoneProps) {
  const [over, setOver] = useState(false);
  const hintId = useId();

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    if (!disabled) onFiles([...event.dataTransfer.files]);
  }

  return (
    <label
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      className={cn(
        "flex cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed px-4 py-8 text-center transition-colors focus-within:border-brand-500 focus-within:ring-2 focus-within:ring-brand-100",
        over ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-slate-50 hover:bg-slate-100",
        disabled && "cursor-not-allowed opacity-60",
      )}
    >
      <span className="text-sm font-medium text-slate-800">
        Drop files here or <span className="text-brand-700 underline">choose files</span>
      </span>
      <span id={hintId} className="text-xs text-slate-500">
        TXT, MD, CSV, JSON, HTML or PDF · up to {formatBytes(MAX_UPLOAD_BYTES)} each
      </span>
      <input
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        disabled={disabled}
        aria-describedby={hintId}
        className="sr-only"
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])]);
          e.target.value = "";
        }}
      />
    </label>
  );
}
