// Creating a document: pasted text goes straight to public.create_document; a file is first
// uploaded with the user's own client (Storage RLS checks the owner folder) and then
// registered. Either way the row and its processing job appear in one transaction, and a
// failure after the upload removes the file again, so nothing is left half-written.
import { randomUUID } from "node:crypto";
import type { AccessClaims } from "@docket/auth";
import type { TypedSupabaseClient } from "@docket/supabase";
import { TRPCError } from "@trpc/server";
import { fieldError, toTRPCError } from "../errors.ts";
import type { CreateDocumentInput } from "../schemas/documents.ts";
import type { Context } from "../trpc.ts";
import { DOCUMENTS_BUCKET, documentFolder } from "./storage-files.ts";
import { base64DecodedSize, MAX_UPLOAD_BYTES, mimeTypeFor } from "./upload-limits.ts";

type AuthedContext = Context & { user: AccessClaims; supabase: () => TypedSupabaseClient };

async function withProcessingJob(ctx: AuthedContext, documentId: string) {
  const { data, error } = await ctx
    .supabase()
    .from("jobs")
    .select("*")
    .eq("document_id", documentId)
    .order("created_at", { ascending: false })
    .limit(1)
    .single();
  if (error) throw toTRPCError(ctx, "documents.create job", error);
  return data;
}

export async function createDocument(ctx: AuthedContext, input: CreateDocumentInput) {
  const db = ctx.supabase();
  if (input.source === "text") {
    const { data, error } = await db.rpc("create_document", {
      p_title: input.title,
      p_source: "text",
      p_text_content: input.text,
      p_request_id: ctx.requestId,
    });
    if (error) throw toTRPCError(ctx, "documents.create", error);
    return { document: data, job: await withProcessingJob(ctx, data.id) };
  }

  const mimeType = mimeTypeFor(input.fileName);
  if (!mimeType) {
    throw fieldError("fileName", "Supported files: .txt .md .csv .json .html .pdf");
  }
  const size = base64DecodedSize(input.contentBase64);
  if (size > MAX_UPLOAD_BYTES) {
    throw new TRPCError({
      code: "PAYLOAD_TOO_LARGE",
      message: `Files can be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB`,
    });
  }
  const bytes = Buffer.from(input.contentBase64, "base64");
  if (bytes.length === 0) throw fieldError("contentBase64", "The file is empty");

  const documentId = randomUUID();
  const path = `${documentFolder(ctx.user.sub, documentId)}/${input.fileName}`;
  const upload = await db.storage
    .from(DOCUMENTS_BUCKET)
    .upload(path, bytes, { contentType: mimeType, upsert: false });
  if (upload.error) throw toTRPCError(ctx, "documents.create upload", upload.error);

  const { data, error } = await db.rpc("create_document", {
    p_title: input.title ?? input.fileName.slice(0, 200),
    p_source: "file",
    p_id: documentId,
    p_file_name: input.fileName,
    p_request_id: ctx.requestId,
  });
  if (error) {
    const removal = await db.storage.from(DOCUMENTS_BUCKET).remove([path]);
    if (removal.error) {
      ctx.logger.warn(
        { requestId: ctx.requestId, path, err: removal.error.message },
        "could not remove the upload of a document that failed to register",
      );
    }
    throw toTRPCError(ctx, "documents.create", error);
  }
  return { document: data, job: await withProcessingJob(ctx, data.id) };
}
