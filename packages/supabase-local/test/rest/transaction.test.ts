// The request transaction sent as one batch (BEGIN, settings, statement, COMMIT, one Sync): a
// failure anywhere must leave the pooled connection idle and its prepared statements usable.
// Requests here run one after another, so each reuses the connection the last one released.
import { describe, expect, it } from "vitest";
import { useRestStack } from "./support/stack.ts";

const kit = useRestStack();

describe("request transaction batch", () => {
  it("a statement that fails on its first run can run again on the same connection", async () => {
    // A query shape used nowhere else: PostgreSQL prepares it, then refuses the bound value,
    // so the statement exists on the connection although the batch failed.
    const shape = "/films?select=title,rating&year=eq.";
    for (let i = 0; i < 3; i++) {
      const bad = await kit().raw(`${shape}nineteen-eighty`);
      expect(bad.status).toBe(400);
      expect(bad.json).toMatchObject({ code: "22P02" });
      const good = await kit().raw(`${shape}1982`);
      expect(good.status).toBe(200);
      expect(good.json).toEqual([{ title: "Blade Runner", rating: 8.1 }]);
    }
  });

  it("a failed write is rolled back and the next request on the connection works", async () => {
    const admin = kit().admin;
    for (let i = 0; i < 3; i++) {
      const dup = await admin.from("directors").insert({ id: 1, last_name: `Dup ${i}` });
      expect(dup.status).toBe(409);
      const read = await admin.from("directors").select("id").like("last_name", "Dup%");
      expect(read.error).toBeNull();
      expect(read.data).toEqual([]);
    }
  });

  it("a read's settings last exactly for its own transaction", async () => {
    const user = await kit().user("batch-settings@example.com");
    const mine = await user.client.rpc("whoami");
    expect(mine.error).toBeNull();
    const anon = await kit().anon.rpc("whoami");
    expect(anon.error).toBeNull();
    expect(mine.data).not.toEqual(anon.data);
    const again = await user.client.rpc("whoami");
    expect(again.data).toEqual(mine.data);
  });
});
