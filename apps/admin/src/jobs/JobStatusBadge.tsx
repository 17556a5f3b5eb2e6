import { Badge, type BadgeTone } from "@docket/ui";

const tones: Record<string, BadgeTone> = {
  queued: "neutral",
  running: "info",
  succeeded: "success",
  failed: "danger",
  cancelled: "warning",
};

export function JobStatusBadge({ status }: { status: string }) {
  return <Badge tone={tones[status] ?? "neutral"}>{status}</Badge>;
}
