// Where bytes live on disk. Blobs are keyed by (bucket id, version UUID) — never by object name —
// so no name can reach outside `<dataDir>/storage`. Bucket folders use the bucket id only when it is
// plainly safe, otherwise a `%`-prefixed hex form (`%` cannot occur in a bucket id, so the two
// forms never collide). Every path is checked to stay inside the root before it is returned.
import { randomUUID } from "node:crypto";
import { join, relative, resolve, sep } from "node:path";

const SAFE_BUCKET_DIR = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;
const VERSION = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface BlobPaths {
  root: string;
  tempDir: string;
  bucketDir(bucketId: string): string;
  blob(bucketId: string, version: string): string;
  newTemp(): string;
}

export function newVersion(): string {
  return randomUUID();
}

function bucketFolderName(bucketId: string): string {
  return SAFE_BUCKET_DIR.test(bucketId)
    ? bucketId
    : `%${Buffer.from(bucketId, "utf8").toString("hex")}`;
}

export function createBlobPaths(dataDir: string): BlobPaths {
  const root = resolve(dataDir, "storage");
  const inside = (path: string): string => {
    const rel = relative(root, path);
    if (
      rel === "" ||
      rel.startsWith("..") ||
      rel.includes(`..${sep}`) ||
      resolve(root, rel) !== path
    ) {
      throw new Error(`storage path escapes the data folder: ${path}`);
    }
    return path;
  };
  const tempDir = join(root, ".tmp");
  return {
    root,
    tempDir,
    bucketDir: (bucketId) => inside(join(root, bucketFolderName(bucketId))),
    blob(bucketId, version) {
      if (!VERSION.test(version)) throw new Error(`not a blob version: ${version}`);
      return inside(join(root, bucketFolderName(bucketId), version));
    },
    newTemp: () => inside(join(tempDir, randomUUID())),
  };
}
