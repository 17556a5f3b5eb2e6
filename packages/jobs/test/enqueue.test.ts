import { describe, expect, it } from "vitest";
import {
  ENQUEUE_JOB_SQL,
  enqueueJob,
  InvalidJobPayloadError,
  type Queryable,
} from "../src/index.ts";

const ownerId = "7b0c1c1e-2f5e-4b8a-9d7e-0f6b1c2d3e4f";
const documentId = "3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b";
const newJobId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

/** Records the statements it receives; the real SQL is covered by the API's integration tests. */
function recordingDb(
  rows: unknown[],
): Queryable & { calls: { text: string; values?: unknown[] }[] } {
  const calls: { text: string; values?: unknown[] }[] = [];
  return {
    calls,
    async query(text, values) {
      calls.push({ text, values });
      return { rows };
    },
  };
}

describe("enqueueJob", () => {
  it("passes the validated input and defaults to the enqueue function", async () => {
    const db = recordingDb([{ id: newJobId }]);
    const id = await enqueueJob(db, {
      ownerId,
      kind: "document__process",
      input: { documentId },
      documentId,
    });
    expect(id).toBe(newJobId);
    expect(db.calls).toEqual([
      {
        text: ENQUEUE_JOB_SQL,
        values: [ownerId, "document__process", JSON.stringify({ documentId }), documentId, null, 5],
      },
    ]);
  });

  it("refuses invalid input before touching the database", async () => {
    const db = recordingDb([{ id: newJobId }]);
    await expect(
      enqueueJob(db, {
        ownerId,
        kind: "document__process",
        input: { documentId: "not-a-uuid" },
      }),
    ).rejects.toBeInstanceOf(InvalidJobPayloadError);
    expect(db.calls).toHaveLength(0);
  });

  it("fails loudly when the function returns no id", async () => {
    const db = recordingDb([]);
    await expect(
      enqueueJob(db, { ownerId, kind: "maintenance__cleanup", input: {} }),
    ).rejects.toThrow();
  });
});
