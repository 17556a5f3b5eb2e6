// Object and bucket names as Supabase accepts them. A valid key may still contain `..`, leading
// or doubled slashes: keys are never used as disk paths (see paths.ts).
import { errors } from "./errors.ts";

const KEY_CHARS = /^[A-Za-z0-9_/!\-.*'() &$@=;:+,?]+$/;
const BUCKET_CHARS = /^[A-Za-z0-9_!\-.*'() &$@=;:+,?]{1,100}$/;

export const PLACEHOLDER_SUFFIX = ".emptyFolderPlaceholder";

export function isValidKey(key: string): boolean {
  return key.length > 0 && KEY_CHARS.test(key);
}

export function assertValidKey(key: string): void {
  if (!isValidKey(key)) throw errors.invalidKey(key);
}

export function assertValidBucketName(name: string): void {
  if (!BUCKET_CHARS.test(name)) throw errors.invalidBucketName();
}

/** Extra rules that apply when a bucket is created. */
export function assertCreatableBucketName(name: string): void {
  assertValidBucketName(name);
  if (name.trim() !== name || name.endsWith("--table-s3")) throw errors.invalidBucketName();
}

export function isPlaceholder(key: string): boolean {
  return key.endsWith(PLACEHOLDER_SUFFIX);
}
