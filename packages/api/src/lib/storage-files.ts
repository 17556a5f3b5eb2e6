// Files of a document live under <owner id>/<document id>/ in the private `documents` bucket
// (the upload itself, and outputs/… written by the worker). Storage has no recursive delete,
// so folders are walked with `list` and removed by name.
import type { TypedSupabaseClient } from "@docket/supabase";

export const DOCUMENTS_BUCKET = "documents";

export function documentFolder(ownerId: string, documentId: string): string {
  return `${ownerId}/${documentId}`;
}

type StorageError = { message: string; status?: number; statusCode?: string };

const PAGE = 1000;
const MAX_DEPTH = 4;

/** Every object name under `prefix` (a folder, no trailing slash), walking subfolders. */
export async function listFilesUnder(
  client: TypedSupabaseClient,
  prefix: string,
  depth = 0,
): Promise<{ names: string[]; error: StorageError | null }> {
  const names: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { data, error } = await client.storage
      .from(DOCUMENTS_BUCKET)
      .list(prefix, { limit: PAGE, offset, sortBy: { column: "name", order: "asc" } });
    if (error) return { names, error };
    for (const entry of data) {
      const path = `${prefix}/${entry.name}`;
      // Folders come back as entries without an id.
      if (entry.id) names.push(path);
      else if (depth < MAX_DEPTH) {
        const nested = await listFilesUnder(client, path, depth + 1);
        if (nested.error) return nested;
        names.push(...nested.names);
      }
    }
    if (data.length < PAGE) return { names, error: null };
  }
}

/** Removes every object under `prefix`; returns how many were removed. */
export async function removeFilesUnder(
  client: TypedSupabaseClient,
  prefix: string,
): Promise<{ removed: number; error: StorageError | null }> {
  const listed = await listFilesUnder(client, prefix);
  if (listed.error) return { removed: 0, error: listed.error };
  let removed = 0;
  for (let start = 0; start < listed.names.length; start += PAGE) {
    const batch = listed.names.slice(start, start + PAGE);
    const { data, error } = await client.storage.from(DOCUMENTS_BUCKET).remove(batch);
    if (error) return { removed, error };
    removed += data.length;
  }
  return { removed, error: null };
}
