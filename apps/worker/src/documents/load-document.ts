import type { TypedSupabaseClient } from "@docket/supabase";
import type { DocumentInput } from "../processing/analyze.ts";
import { DocumentError } from "../processing/errors.ts";
import { MAX_FILE_BYTES } from "../processing/limits.ts";
import { PermanentJobError } from "../tracking/errors.ts";

export interface LoadedDocument extends DocumentInput {
  id: string;
  ownerId: string;
}

/** Reads the document row and its bytes (pasted text, or the uploaded file from Storage). */
export async function loadDocument(
  supabase: TypedSupabaseClient,
  documentId: string,
): Promise<LoadedDocument> {
  const { data: row, error } = await supabase
    .from("documents")
    .select(
      "id, owner_id, title, source, file_name, mime_type, size_bytes, storage_path, text_content",
    )
    .eq("id", documentId)
    .maybeSingle();
  if (error) throw new Error(`Could not read document ${documentId}: ${error.message}`);
  if (!row) throw new PermanentJobError("The document no longer exists");
  const base = { id: row.id, ownerId: row.owner_id, title: row.title };

  if (row.source === "text") {
    const bytes = new TextEncoder().encode(row.text_content ?? "");
    return { ...base, fileName: "pasted.txt", mimeType: "text/plain", bytes };
  }
  if (!row.storage_path || !row.file_name)
    throw new PermanentJobError("The document has no uploaded file");
  if ((row.size_bytes ?? 0) > MAX_FILE_BYTES) {
    throw new DocumentError(
      `The file is too large; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB`,
    );
  }
  const { data: blob, error: downloadError } = await supabase.storage
    .from("documents")
    .download(row.storage_path);
  if (downloadError || !blob) {
    const status = (downloadError as { status?: number; statusCode?: string } | null)?.status;
    if (status === 404 || /not.?found/i.test(downloadError?.message ?? "")) {
      throw new PermanentJobError("The uploaded file is missing from storage");
    }
    throw new Error(`Could not download the file: ${downloadError?.message ?? "no data"}`);
  }
  return {
    ...base,
    fileName: row.file_name,
    mimeType: row.mime_type,
    bytes: new Uint8Array(await blob.arrayBuffer()),
  };
}
