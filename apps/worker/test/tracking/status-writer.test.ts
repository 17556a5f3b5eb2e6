import { describe, expect, it } from "vitest";
import type { JobRowState, WirePatch } from "../../src/tracking/status-transport.ts";
import { JobNotFoundError, JobStatusWriter } from "../../src/tracking/status-writer.ts";

// The writer's batching logic, with a transport that answers like worker_apply_job_updates over
// an in-memory table (the SQL function itself is exercised by the integration tests).
function fakeTable(ids: string[], latencyMs = 5) {
  const calls: WirePatch[][] = [];
  const state = (id: string, status: string | undefined, chained: boolean): JobRowState => ({
    id,
    status: status ?? "running",
    cancel_requested_at: null,
    request_id: null,
    result: null,
    applied: true,
    chained,
  });
  const send = async (patches: WirePatch[]): Promise<JobRowState[]> => {
    calls.push(patches);
    await new Promise((resolve) => setTimeout(resolve, latencyMs));
    return patches
      .filter((p) => ids.includes(p.id))
      .flatMap((p) => [
        state(p.id, p.status, false),
        ...(p.end ? [state(p.id, p.end.status, true)] : []),
      ]);
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

  it("sends a job's end with its unsent start, as its `end`, and answers each part", async () => {
    const id = crypto.randomUUID();
    const table = fakeTable([id]);
    const writer = new JobStatusWriter(table.send, 0);
    const start = writer.update({ id, status: "running", attempts: 1 });
    const end = writer.endWithStart({ id, status: "succeeded", progress: 100 });
    expect(end).not.toBeNull();
    const [started, ended] = await Promise.all([start, end]);
    expect(table.calls).toEqual([
      [
        {
          id,
          status: "running",
          attempts: 1,
          end: { id, status: "succeeded", progress: 100 },
        },
      ],
    ]);
    expect(started).toMatchObject({ status: "running", chained: false });
    expect(ended).toMatchObject({ status: "succeeded", chained: true });
  });

  it("has no end to chain once the start has left, or without a pending start", async () => {
    const id = crypto.randomUUID();
    const writer = new JobStatusWriter(fakeTable([id]).send, 0);
    expect(writer.endWithStart({ id, status: "succeeded" })).toBeNull();
    const start = writer.update({ id, status: "running" });
    await new Promise((resolve) => setImmediate(resolve));
    expect(writer.endWithStart({ id, status: "succeeded" })).toBeNull();
    await start;
  });

  it("holds a job's next write while its previous one is in flight", async () => {
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    const table = fakeTable([a, b], 20);
    const writer = new JobStatusWriter(table.send, 0);
    const first = writer.update({ id: a, status: "running" });
    await new Promise((resolve) => setTimeout(resolve, 2));
    // Two calls may be in flight, but not two of one job: a's end waits for its start's answer.
    const writes = [
      writer.update({ id: a, status: "succeeded" }),
      writer.update({ id: b, status: "running" }),
    ];
    await Promise.all([first, ...writes]);
    expect(
      table.calls.map((call) => call.map((p) => `${p.id === a ? "a" : "b"}:${p.status}`)),
    ).toEqual([["a:running"], ["b:running"], ["a:succeeded"]]);
  });

  it("flush() waits for writes held behind their job's previous one", async () => {
    const id = crypto.randomUUID();
    const table = fakeTable([id], 10);
    const writer = new JobStatusWriter(table.send, 0);
    void writer.update({ id, status: "running" });
    await new Promise((resolve) => setImmediate(resolve));
    const end = writer.update({ id, status: "succeeded" });
    await writer.flush();
    expect(table.calls).toHaveLength(2);
    await expect(end).resolves.toMatchObject({ status: "succeeded" });
  });
});
