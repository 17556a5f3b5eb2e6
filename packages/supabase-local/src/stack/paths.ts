import { fileURLToPath } from "node:url";

/** The repository root (this package lives in `<repo>/packages/supabase-local`). */
export const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
export const DEFAULT_SUPABASE_DIR = `${REPO_ROOT}supabase`;
export const DEFAULT_DATA_DIR = `${REPO_ROOT}.supabase-local`;
