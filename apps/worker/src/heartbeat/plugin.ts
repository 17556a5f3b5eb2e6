import { hostname } from "node:os";
import type { WithPgClient } from "graphile-worker";
import type { Log } from "../log.ts";
import { beat, forget, recoverDeadWorkers } from "./recover.ts";

export interface HeartbeatOptions {
  intervalMs: number;
  deadAfterMs: number;
  log: Log;
}

interface PoolState {
  workers: number;
  timer: NodeJS.Timeout;
  withPgClient: WithPgClient;
}

/**
 * A graphile-config plugin (so the stock CLI gets it too): while a pool has workers, it writes a
 * heartbeat for the pool's lock id every `intervalMs` and sweeps for dead pools, unlocking their
 * jobs. A SIGKILLed worker's jobs are therefore free again within deadAfterMs + intervalMs
 * (25 s with the defaults), not graphile-worker's 4 hours.
 */
export function heartbeatPlugin(options: HeartbeatOptions): GraphileConfig.Plugin {
  const pools = new Map<string, PoolState>();
  const host = hostname();

  const tick = async (poolId: string, withPgClient: WithPgClient) => {
    try {
      const recovered = await withPgClient(async (client) => {
        await beat(client, poolId, host, process.pid);
        return recoverDeadWorkers(client, options.deadAfterMs);
      });
      if (recovered.length)
        options.log.warn("unlocked jobs of dead workers", { workerIds: recovered });
    } catch (error) {
      options.log.error("heartbeat failed", { error: (error as Error).message });
    }
  };

  return {
    name: "DocketHeartbeatPlugin",
    version: "1.0.0",
    worker: {
      hooks: {
        async startWorker(_ctx, event) {
          const poolId = event.worker.workerPool.id;
          const existing = pools.get(poolId);
          if (existing) {
            existing.workers++;
            return;
          }
          const timer = setInterval(
            () => void tick(poolId, event.withPgClient),
            options.intervalMs,
          );
          timer.unref();
          pools.set(poolId, { workers: 1, timer, withPgClient: event.withPgClient });
          // The first beat lands before this worker asks for a job, so no lock is ever unowned.
          await tick(poolId, event.withPgClient);
        },
        async stopWorker(_ctx, event) {
          const poolId = event.worker.workerPool.id;
          const state = pools.get(poolId);
          if (!state || --state.workers > 0) return;
          clearInterval(state.timer);
          pools.delete(poolId);
          await event.withPgClient((client) => forget(client, poolId)).catch(() => {});
        },
      },
    },
  };
}
