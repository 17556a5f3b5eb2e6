import type { JobRowState, StatusTransport } from "./status-transport.ts";

export type { JobRowState } from "./status-transport.ts";

/** One job's change; omitted fields stay as they are. */
export interface JobPatch {
  id: string;
  status?: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  progress?: number;
  attempts?: number;
  last_error?: string;
  clear_error?: boolean;
  result?: unknown;
  document_status?: "queued" | "processing" | "ready" | "failed";
}

export class JobNotFoundError extends Error {
  override name = "JobNotFoundError";
}

interface Pending {
  patch: JobPatch;
  waiters: { resolve: (row: JobRowState) => void; reject: (error: unknown) => void }[];
}

const MAX_BATCH = 500;

const MAX_IN_FLIGHT = 2;

/**
 * Writes job status with the secret key, batched across concurrent jobs the way graphile-worker
 * batches its completions: one call of `worker_apply_job_updates` (through the Data API by
 * default, see status-transport.ts) carries every patch that arrived within `delayMs`, or while
 * the previous calls were in flight (at most two at once), so batches grow with load while an
 * idle worker still writes at once. Patches for the same job in one batch are merged, later
 * fields winning. Each caller gets the row's state back (status, cancel request, request id).
 */
export class JobStatusWriter {
  readonly #send: StatusTransport;
  readonly #delayMs: number;
  #pending = new Map<string, Pending>();
  /** Cancels the scheduled flush, if any. */
  #cancelTimer: (() => void) | null = null;
  #inflight = new Set<Promise<void>>();
  /** Round trips made and their total duration, for benchmarks and tests. */
  flushes = 0;
  roundTripMs = 0;

  constructor(send: StatusTransport, delayMs: number) {
    this.#send = send;
    this.#delayMs = delayMs;
  }

  update(patch: JobPatch): Promise<JobRowState> {
    return new Promise((resolve, reject) => {
      const entry = this.#pending.get(patch.id);
      if (entry) {
        entry.patch = merge(entry.patch, patch);
        entry.waiters.push({ resolve, reject });
      } else {
        this.#pending.set(patch.id, { patch, waiters: [{ resolve, reject }] });
      }
      if (this.#pending.size >= MAX_BATCH) this.#flushNow();
      else this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#cancelTimer || this.#inflight.size >= MAX_IN_FLIGHT) return;
    // setTimeout(0) waits a whole millisecond; an immediate still collects every write made in
    // this turn of the event loop (all the jobs that one batch's answer just resumed).
    if (this.#delayMs > 0) {
      const timer = setTimeout(() => this.#flushNow(), this.#delayMs);
      this.#cancelTimer = () => clearTimeout(timer);
    } else {
      const immediate = setImmediate(() => this.#flushNow());
      this.#cancelTimer = () => clearImmediate(immediate);
    }
  }

  /** Sends whatever is pending and waits for every write in flight. */
  async flush(): Promise<void> {
    this.#flushNow();
    await Promise.allSettled([...this.#inflight]);
  }

  #flushNow(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    if (this.#pending.size === 0) return;
    const batch = [...this.#pending.values()];
    this.#pending = new Map();
    const run = this.#deliver(batch).finally(() => {
      this.#inflight.delete(run);
      if (this.#pending.size > 0) this.#schedule();
    });
    this.#inflight.add(run);
  }

  async #deliver(batch: Pending[]): Promise<void> {
    this.flushes++;
    const began = performance.now();
    try {
      const states = await this.#send(batch.map((entry) => entry.patch));
      this.roundTripMs += performance.now() - began;
      const rows = new Map(states.map((row) => [row.id, row]));
      for (const entry of batch) {
        const row = rows.get(entry.patch.id);
        for (const waiter of entry.waiters) {
          if (row) waiter.resolve(row);
          else
            waiter.reject(new JobNotFoundError(`Job ${entry.patch.id} does not exist (deleted?)`));
        }
      }
    } catch (error) {
      for (const entry of batch) for (const waiter of entry.waiters) waiter.reject(error);
    }
  }
}

function merge(earlier: JobPatch, later: JobPatch): JobPatch {
  const merged = { ...earlier, ...later };
  if (later.last_error !== undefined) merged.clear_error = false;
  if (later.clear_error) delete merged.last_error;
  return merged;
}
