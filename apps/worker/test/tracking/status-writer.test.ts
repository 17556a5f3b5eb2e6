import { describe, expect, it } from "vitest";
import type { JobRowState } from "../../src/tracking/status-transport.ts";
import {
  JobNotFoundError,
  type JobPatch,
  JobStatusWriter,
} from "../../src/tracking/status-writer.ts";

// The writer's batching logic, with a transport that answers like worker_apply_job_updates over
// an in-memory table (the SQL function itself is exercised by the integration tests).
function fakeTable(ids: string[], latencyMs = 5) {
  const calls: JobPatch[][] = [];
  const send = async (patches: JobPatch[]): Promise<JobRowState[]> => {
    calls.push(patches);
    await new Promise((resolve) => setTimeout(resolve, latencyMs));
    return patches
      .filter((p) => ids.includes(p.id))
      .map((p) => ({
        id: p.id,
        status: p.status ?? "running",
        cancel_requested_at: null,
        request_id: null,
        result: null,
        applied: true,
      }));
  };
  return { calls, send };
}

describe("JobStatusWriter", () => {
  it("sends concurrent writes together and answers each caller with its row", async () => {
    const ids = Array.from({ length: 20 }, () => crypto.randomUUID());
    const table = fakeTable(ids);
    const writer = new JobStatusWriter(table.send, 0);
    const rows = await Promise.all(ids.map((id) => writer.update({ id, status: "running" })));
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(table.calls).toHaveLength(1);
    expect(table.calls[0]).toHaveLength(20);
  });

  it("keeps at most two batches in flight; later writes wait and ride together", async () => {
    const ids = Array.from({ length: 30 }, () => crypto.randomUUID());
    const table = fakeTable(ids, 20);
    const writer = new JobStatusWriter(table.send, 0);
    const first = writer.update({ id: ids[0] ?? "", status: "running" });
    await new Promise((resolve) => setTimeout(resolve, 2));
    const second = writer.update({ id: ids[1] ?? "", status: "running" });
    await new Promise((resolve) => setTimeout(resolve, 2));
    const rest = ids.slice(2).map((id) => writer.update({ id, progress: 50 }));
    await Promise.all([first, second, ...rest]);
    expect(table.calls.map((c) => c.length)).toEqual([1, 1, 28]);
  });

  it("merges writes for the same job in one batch, later fields winning", async () => {
    const id = crypto.randomUUID();
    const table = fakeTable([id]);
    const writer = new JobStatusWriter(table.send, 5);
    await Promise.all([
      writer.update({ id, status: "queued", last_error: "boom" }),
      writer.update({ id, progress: 40 }),
      writer.update({ id, status: "running", clear_error: true }),
    ]);
    expect(table.calls).toEqual([[{ id, status: "running", progress: 40, clear_error: true }]]);
  });

  it("rejects writes for rows that do not exist, and every write of a failed batch", async () => {
    const known = crypto.randomUUID();
    const writer = new JobStatusWriter(fakeTable([known]).send, 0);
    await expect(
      writer.update({ id: crypto.randomUUID(), status: "running" }),
    ).rejects.toBeInstanceOf(JobNotFoundError);
    const failing = new JobStatusWriter(async () => {
      throw new Error("connection reset");
    }, 0);
    const writes = [
      failing.update({ id: known, progress: 1 }),
      failing.update({ id: crypto.randomUUID(), progress: 2 }),
    ];
    for (const write of writes) await expect(write).rejects.toThrow("connection reset");
  });
});
