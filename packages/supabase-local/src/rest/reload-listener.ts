// LISTEN pgrst: `NOTIFY pgrst, 'reload schema'` (or an empty payload) reloads the schema cache,
// as PostgREST does. One dedicated connection; reconnects with a bounded back-off.
import type pg from "pg";

export function listenForReload(pool: pg.Pool, reload: () => Promise<void>) {
  let client: pg.PoolClient | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (attempt: number): Promise<void> => {
    if (closed) return;
    try {
      const c = await pool.connect();
      if (closed) {
        c.release();
        return;
      }
      client = c;
      c.on("notification", (msg) => {
        if (msg.channel === "pgrst" && (!msg.payload || msg.payload === "reload schema")) {
          reload().catch(() => {});
        }
      });
      c.on("error", () => {
        if (client !== c) return;
        client = undefined;
        c.release(true);
        retry(0);
      });
      await c.query("LISTEN pgrst");
    } catch {
      retry(attempt + 1);
    }
  };
  const retry = (attempt: number) => {
    if (closed) return;
    timer = setTimeout(() => void connect(attempt), Math.min(30_000, 250 * 2 ** attempt));
    timer.unref();
  };
  void connect(0);

  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (client) {
        const c = client;
        client = undefined;
        await c.query("UNLISTEN pgrst").catch(() => {});
        c.removeAllListeners("notification");
        c.release();
      }
    },
  };
}
