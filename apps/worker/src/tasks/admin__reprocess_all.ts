import { enqueueJob } from "@docket/jobs";
import type { Task } from "graphile-worker";
import { z } from "zod";
import type { WorkerDeps } from "../deps.ts";
import { lazyTask } from "../lazy-task.ts";
import { trackedTask } from "../tracking/tracked-task.ts";

const PAGE = 200;
const progressState = z.object({
  cursor: z.uuid().nullable(),
  enqueued: z.number(),
  skipped: z.number(),
});

/**
 * Fans out one document__process job per document, a page at a time in id order. After each page
 * the cursor is saved in the job's result, so a retry resumes where the last attempt stopped
 * rather than enqueueing everything twice. Documents already queued or processing are skipped.
 */
export function createAdminReprocessAllTask(deps: WorkerDeps): Task {
  return trackedTask(deps, {
    kind: "admin__reprocess_all",
    async run(_payload, ctx) {
      const resumed = progressState.safeParse(ctx.previousResult);
      let state = resumed.success ? resumed.data : { cursor: null, enqueued: 0, skipped: 0 };
      const { count, error } = await deps.supabase
        .from("documents")
        .select("id", { count: "exact", head: true });
      if (error) throw new Error(`Could not count documents: ${error.message}`);
      const total = count ?? 0;

      for (;;) {
        let query = deps.supabase.from("documents").select("id, owner_id").order("id").limit(PAGE);
        if (state.cursor) query = query.gt("id", state.cursor);
        const { data: docs, error: pageError } = await query;
        if (pageError) throw new Error(`Could not list documents: ${pageError.message}`);
        const last = docs.at(-1);
        if (!last) break;
        const busy = await busyDocuments(
          deps,
          docs.map((d) => d.id),
        );
        const todo = docs.filter((d) => !busy.has(d.id));
        await ctx.helpers.withPgClient(async (client) => {
          await client.query("begin");
          try {
            for (const doc of todo) {
              await enqueueJob(client, {
                ownerId: doc.owner_id,
                kind: "document__process",
                input: { documentId: doc.id },
                documentId: doc.id,
                requestId: ctx.requestId,
              });
            }
            await client.query(
              "update public.documents set status = 'queued' where id = any($1::uuid[])",
              [todo.map((d) => d.id)],
            );
            await client.query("commit");
          } catch (error) {
            await client.query("rollback");
            throw error;
          }
        });
        state = {
          cursor: last.id,
          enqueued: state.enqueued + todo.length,
          skipped: state.skipped + busy.size,
        };
        const done = state.enqueued + state.skipped;
        await ctx.step(total ? Math.min(99, Math.floor((done / total) * 100)) : 99, state);
      }
      ctx.log.info("reprocess fan-out done", state);
      return { result: { ...state, total } };
    },
  });
}

async function busyDocuments(deps: WorkerDeps, ids: string[]): Promise<Set<string>> {
  const { data, error } = await deps.supabase
    .from("jobs")
    .select("document_id")
    .eq("kind", "document__process")
    .in("status", ["queued", "running"])
    .in("document_id", ids);
  if (error) throw new Error(`Could not read running jobs: ${error.message}`);
  return new Set(data.flatMap((row) => (row.document_id ? [row.document_id] : [])));
}

export default lazyTask(createAdminReprocessAllTask);
