// GoTrue's metadata merge for PUT /user and the admin API: key by key, a null value deletes the key.
import type { Db } from "./db.ts";

export async function mergeMetadata(
  db: Db,
  userId: string,
  column: "raw_user_meta_data" | "raw_app_meta_data",
  patch: Record<string, unknown>,
): Promise<void> {
  await db.query(
    `update auth.users set ${column} = (coalesce(${column}, '{}'::jsonb) || $2::jsonb)
       - array(select key from jsonb_each($2::jsonb) where value = 'null'::jsonb), updated_at = now()
     where id = $1`,
    [userId, patch],
  );
}
