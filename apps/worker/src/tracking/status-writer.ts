import type { JobRowState, StatusTransport, WirePatch } from "./status-transport.ts";

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

type Waiter = { resolve: (row: JobRowState) => void; reject: (error: unknown) => void };

interface Part {
  patch: JobPatch;
  waiters: Waiter[];
}

/** A job's pending write, and the end that rides right after its start (see endWithStart). */
interface Pending extends Part {
  end?: Part;
}

const MAX_BATCH = 500;

const MAX_IN_FLIGHT = 2;

/**
 * Writes job status with the secret key, batched across concurrent jobs the way graphile-worker
 * batches its completions: one call of `worker_apply_job_updates` (through the Data API by
 * default, see status-transport.ts) carries every patch that arrived within `delayMs`, or while
 * the previous calls were in flight (at most two at once), so batches grow with load while an
 * idle worker still writes at once. Patches for the same job in one batch are merged, later
 * fields winning; a job's next patch waits while its previous one is in flight, so a job's
 * writes apply in order. Each caller gets the row's state back (status, cancel request, request
 * id, applied or not).
 */
export class JobStatusWriter {
  readonly #send: StatusTransport;
  readonly #delayMs: number;
  #pending = new Map<string, Pending>();
  /** Cancels the scheduled flush, if any. */
  #cancelTimer: (() => void) | null = null;
  #inflight = new Set<Promise<void>>();
  /** Jobs with a write in flight: their next patches wait for it. */
  #inflightIds = new Set<string>();
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
      if (entry?.end) {
        entry.end.patch = merge(entry.end.patch, patch);
        entry.end.waiters.push({ resolve, reject });
      } else if (entry) {
        entry.patch = merge(entry.patch, patch);
        entry.waiters.push({ resolve, reject });
      } else {
        this.#pending.set(patch.id, { patch, waiters: [{ resolve, reject }] });
      }
      this.#scheduleOrFlush();
    });
  }

  /**
   * The end of a job whose 'running' write is still waiting here, unsent: both go in one call,
   * the end applied right after the start, and only if the start applied and no cancel was
   * requested (the answer's `applied` says). Null when the start has already left: the caller
   * then awaits its answer and writes the end as usual.
   */
  endWithStart(patch: JobPatch): Promise<JobRowState> | null {
    const entry = this.#pending.get(patch.id);
    if (entry?.patch.status !== "running" || entry.end) return null;
    return new Promise((resolve, reject) => {
      entry.end = { patch, waiters: [{ resolve, reject }] };
      this.#scheduleOrFlush();
    });
  }

  #scheduleOrFlush(): void {
    if (this.#pending.size >= MAX_BATCH) this.#flushNow();
    else this.#schedule();
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

  /** Sends whatever is pending and waits until every write has been answered. */
  async flush(): Promise<void> {
    while (this.#pending.size > 0 || this.#inflight.size > 0) {
      this.#flushNow();
      await Promise.race(this.#inflight);
    }
  }

  #flushNow(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = null;
    const batch: Pending[] = [];
    for (const [id, entry] of this.#pending) {
      if (this.#inflightIds.has(id)) continue;
      batch.push(entry);
      this.#pending.delete(id);
    }
    if (batch.length === 0) return;
    const ids = batch.map((entry) => entry.patch.id);
    for (const id of ids) this.#inflightIds.add(id);
    const run = this.#deliver(batch).finally(() => {
      for (const id of ids) this.#inflightIds.delete(id);
      this.#inflight.delete(run);
      if (this.#pending.size > 0) this.#schedule();
    });
    this.#inflight.add(run);
  }

  async #deliver(batch: Pending[]): Promise<void> {
    this.flushes++;
    const began = performance.now();
    try {
      const states = await this.#send(batch.map(toWire));
      this.roundTripMs += performance.now() - began;
      const rows = new Map(states.map((row) => [`${row.id}:${row.chained}`, row]));
      for (const entry of batch) {
        answer(entry, rows.get(`${entry.patch.id}:false`));
        if (entry.end) answer(entry.end, rows.get(`${entry.patch.id}:true`));
      }
    } catch (error) {
      for (const entry of batch)
        for (const waiter of [...entry.waiters, ...(entry.end?.waiters ?? [])])
          waiter.reject(error);
    }
  }
}

function toWire(entry: Pending): WirePatch {
  return entry.end ? { ...entry.patch, end: entry.end.patch } : entry.patch;
}

function answer(part: Part, row: JobRowState | undefined): void {
  for (const waiter of part.waiters) {
    if (row) waiter.resolve(row);
    else waiter.reject(new JobNotFoundError(`Job ${part.patch.id} does not exist (deleted?)`));
  }
}

function merge(earlier: JobPatch, later: JobPatch): JobPatch {
  const merged = { ...earlier, ...later };
  if (later.last_error !== undefined) merged.clear_error = false;
  if (later.clear_error) delete merged.last_error;
  return merged;
}
