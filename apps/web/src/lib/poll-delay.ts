// How often the document page asks for its job's status: every second while the job moves,
// slower and slower (up to 10 s) while nothing changes, and never again once it has finished.

export const TERMINAL_JOB_STATUSES = ["succeeded", "failed", "cancelled"] as const;

export function isTerminal(status: string): boolean {
  return (TERMINAL_JOB_STATUSES as readonly string[]).includes(status);
}

export interface PollState {
  status: string;
  /** Consecutive polls that saw the same status and progress. */
  unchangedPolls: number;
}

export const FAST_POLL_MS = 1000;
export const MAX_POLL_MS = 10_000;

/** Milliseconds until the next poll, or false to stop polling. */
export function nextPollDelay({ status, unchangedPolls }: PollState): number | false {
  if (isTerminal(status)) return false;
  const base = status === "queued" ? FAST_POLL_MS * 2 : FAST_POLL_MS;
  return Math.min(MAX_POLL_MS, Math.round(base * 1.5 ** Math.max(0, unchangedPolls)));
}
