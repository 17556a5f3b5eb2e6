import { JOB_KINDS } from "@docket/jobs";
import { makeWorkerUtils, type Task } from "graphile-worker";
import type { WorkerDeps } from "../deps.ts";
import { lazyTask } from "../lazy-task.ts";
import { trackedTask } from "../tracking/tracked-task.ts";

const DAY = 24 * 60 * 60 * 1000;
/** Read notifications are kept 30 days, unread ones 90. */
export const NOTIFICATION_RETENTION = { readDays: 30, anyDays: 90 };

/**
 * Nightly housekeeping (crontab): old notifications; output and upload files in Storage whose
 * document was deleted (rows cascade, files do not); stale heartbeats; graphile-worker's own
 * cleanup (permanently failed jobs, unused task identifiers and queues). public.jobs keeps the
 * history of failed jobs, so nothing is lost by dropping graphile-worker's copies.
 */
export function createMaintenanceCleanupTask(deps: WorkerDeps): Task {
  return trackedTask(deps, {
    kind: "maintenance__cleanup",
    async run(_payload, ctx) {
      const now = Date.now();
      const readCutoff = new Date(now - NOTIFICATION_RETENTION.readDays * DAY).toISOString();
      const anyCutoff = new Date(now - NOTIFICATION_RETENTION.anyDays * DAY).toISOString();
      const { count: oldNotifications, error } = await deps.supabase
        .from("notifications")
        .delete({ count: "exact" })
        .or(`created_at.lt.${anyCutoff},read_at.lt.${readCutoff}`);
      if (error) throw new Error(`Could not delete old notifications: ${error.message}`);
      await ctx.step(30);

      const orphans = await ctx.helpers.withPgClient(async (client) => {
        const { rows } = await client.query<{ name: string }>(
          `select o.name from storage.objects as o
           where o.bucket_id = 'documents' and o.created_at < now() - interval '1 day'
             and not exists (select 1 from public.documents as d where d.id::text = split_part(o.name, '/', 2))
           limit 1000`,
        );
        await client.query(
          "delete from app_private.worker_heartbeats where last_seen_at < now() - interval '1 day'",
        );
        return rows.map((row) => row.name);
      });
      if (orphans.length) {
        const { error: removeError } = await deps.supabase.storage
          .from("documents")
          .remove(orphans);
        if (removeError) throw new Error(`Could not remove orphaned files: ${removeError.message}`);
      }
      await ctx.step(60);

      const utils = await makeWorkerUtils({ connectionString: deps.config.databaseUrl });
      try {
        await utils.cleanup({
          tasks: ["DELETE_PERMAFAILED_JOBS", "GC_TASK_IDENTIFIERS", "GC_JOB_QUEUES"],
          taskIdentifiersToKeep: [...JOB_KINDS],
        });
      } finally {
        await utils.release();
      }
      const result = { deletedNotifications: oldNotifications ?? 0, removedFiles: orphans.length };
      ctx.log.info("cleanup done", result);
      return { result };
    },
  });
}

export default lazyTask(createMaintenanceCleanupTask);
