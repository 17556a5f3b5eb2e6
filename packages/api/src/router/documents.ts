import type { TRPCRouterRecord } from "@trpc/server";
import { notFound, toTRPCError } from "../errors.ts";
import { createDocument } from "../lib/create-document.ts";
import { containsPattern } from "../lib/like-pattern.ts";
import { documentFolder, removeFilesUnder } from "../lib/storage-files.ts";
import {
  createDocumentInput,
  documentIdInput,
  listDocumentsInput,
  renameDocumentInput,
} from "../schemas/documents.ts";
import { authedProcedure } from "../trpc.ts";

// Lists leave out text_content: it can be a megabyte per row.
const SUMMARY_COLUMNS =
  "id, owner_id, title, source, file_name, mime_type, size_bytes, storage_path, status, created_at, updated_at";

export const documentsRouter = {
  list: authedProcedure.input(listDocumentsInput).query(async ({ ctx, input }) => {
    let query = ctx
      .supabase()
      .from("documents")
      .select(SUMMARY_COLUMNS, { count: "exact" })
      .order("created_at", { ascending: false })
      .order("id", { ascending: false })
      .range(input.offset, input.offset + input.limit - 1);
    if (input.search) query = query.ilike("title", containsPattern(input.search));
    if (input.status) query = query.eq("status", input.status);
    const { data, error, count } = await query;
    if (error) throw toTRPCError(ctx, "documents.list", error);
    return { items: data, total: count ?? 0, limit: input.limit, offset: input.offset };
  }),

  get: authedProcedure.input(documentIdInput).query(async ({ ctx, input }) => {
    const db = ctx.supabase();
    const { data: document, error } = await db
      .from("documents")
      .select("*")
      .eq("id", input.id)
      .maybeSingle();
    if (error) throw toTRPCError(ctx, "documents.get", error);
    if (!document) throw notFound("Document");
    const [outputs, jobs] = await Promise.all([
      db.from("outputs").select("*").eq("document_id", input.id).order("kind"),
      db
        .from("jobs")
        .select("*")
        .eq("document_id", input.id)
        .order("created_at", { ascending: false })
        .limit(10),
    ]);
    if (outputs.error) throw toTRPCError(ctx, "documents.get outputs", outputs.error);
    if (jobs.error) throw toTRPCError(ctx, "documents.get jobs", jobs.error);
    return { document, outputs: outputs.data, jobs: jobs.data };
  }),

  create: authedProcedure
    .input(createDocumentInput)
    .mutation(({ ctx, input }) => createDocument(ctx, input)),

  rename: authedProcedure.input(renameDocumentInput).mutation(async ({ ctx, input }) => {
    const { data, error } = await ctx
      .supabase()
      .from("documents")
      .update({ title: input.title })
      .eq("id", input.id)
      .select(SUMMARY_COLUMNS)
      .maybeSingle();
    if (error) throw toTRPCError(ctx, "documents.rename", error);
    if (!data) throw notFound("Document");
    return data;
  }),

  delete: authedProcedure.input(documentIdInput).mutation(async ({ ctx, input }) => {
    const db = ctx.supabase();
    // Row first: it cascades to jobs and outputs and (by trigger) pulls queued work from the
    // queue. Files go next; should that fail, they are orphans the cleanup job sweeps.
    const { data, error } = await db
      .from("documents")
      .delete()
      .eq("id", input.id)
      .select("id, owner_id")
      .maybeSingle();
    if (error) throw toTRPCError(ctx, "documents.delete", error);
    if (!data) throw notFound("Document");
    const files = await removeFilesUnder(db, documentFolder(data.owner_id, data.id));
    if (files.error) {
      ctx.logger.warn(
        { requestId: ctx.requestId, documentId: data.id, err: files.error.message },
        "document deleted but its files were not all removed",
      );
    }
    return { id: data.id, filesRemoved: files.removed };
  }),
} satisfies TRPCRouterRecord;
