import type { TypedSupabaseClient } from "@docket/supabase";
import type { RenderedOutput } from "../processing/outputs.ts";

export interface SavedOutput {
  kind: RenderedOutput["kind"];
  storagePath: string;
  bytes: number;
}

/**
 * Uploads each output as a downloadable file and upserts its row on (document_id, kind), so a
 * re-run overwrites both instead of adding copies.
 */
export async function saveOutputs(
  supabase: TypedSupabaseClient,
  doc: { id: string; ownerId: string },
  outputs: readonly RenderedOutput[],
): Promise<SavedOutput[]> {
  const saved = await Promise.all(
    outputs.map(async (output) => {
      const storagePath = `${doc.ownerId}/${doc.id}/outputs/${output.fileName}`;
      const body = new TextEncoder().encode(output.content);
      const { error } = await supabase.storage
        .from("documents")
        .upload(storagePath, body, { contentType: output.contentType, upsert: true });
      if (error) throw new Error(`Could not store ${output.fileName}: ${error.message}`);
      return { kind: output.kind, storagePath, bytes: body.byteLength, content: output.content };
    }),
  );
  const { error } = await supabase.from("outputs").upsert(
    saved.map((output) => ({
      document_id: doc.id,
      owner_id: doc.ownerId,
      kind: output.kind,
      content: output.content,
      storage_path: output.storagePath,
    })),
    { onConflict: "document_id,kind" },
  );
  if (error) throw new Error(`Could not save outputs: ${error.message}`);
  return saved.map(({ kind, storagePath, bytes }) => ({ kind, storagePath, bytes }));
}
