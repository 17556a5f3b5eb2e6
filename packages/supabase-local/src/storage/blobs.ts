// Object bytes on disk. Uploads stream into a temp file (counting and hashing on the way, never
// holding the file in memory) and are renamed into place only once complete, so a failed or
// interrupted upload leaves no partial blob behind.
import { constants, createReadStream, createWriteStream, type Stats } from "node:fs";
import { copyFile, link, mkdir, rename, rm, stat } from "node:fs/promises";
import type { Readable } from "node:stream";
import { errors } from "./errors.ts";
import { hashFile } from "./file-hash.ts";
import type { BlobPaths } from "./paths.ts";

export interface TempBlob {
  path: string;
  size: number;
  /** Quoted lowercase MD5 hex, as Storage's file backend reports it. */
  eTag: string;
}

export interface BlobStore {
  /** Streams `source` into a temp file; rejects with EntityTooLarge past `limit` bytes. */
  receive(source: Readable, limit: number): Promise<TempBlob>;
  /** Moves a received temp file to its final place; returns the blob's stat. */
  commit(temp: TempBlob, bucketId: string, version: string): Promise<Stats>;
  discard(temp: TempBlob | string): Promise<void>;
  stat(bucketId: string, version: string): Promise<Stats | null>;
  read(bucketId: string, version: string, range?: { start: number; end: number }): Readable;
  copy(
    from: { bucketId: string; version: string },
    to: { bucketId: string; version: string },
  ): Promise<Stats>;
  /** Makes the blob also reachable as another (bucket, version) — a hard link, so no bytes are
   * copied and the old name can be removed once the row points at the new one. A missing source
   * blob is left missing. */
  link(
    from: { bucketId: string; version: string },
    to: { bucketId: string; version: string },
  ): Promise<void>;
  remove(bucketId: string, version: string | null | undefined): Promise<void>;
  removeBucket(bucketId: string): Promise<void>;
}

/** Write buffer larger than the 16 KiB default: fewer write calls for big uploads. */
const IO_CHUNK = 1024 * 1024;
/** Download read size: a quarter of the stack's CPU per large download went at the default 64 KiB;
 * 1 MiB chunks cost no less CPU and leave far more garbage between collections (200 MB test). */
const READ_CHUNK = 256 * 1024;

export function createBlobStore(paths: BlobPaths): BlobStore {
  const ensureDir = (dir: string) => mkdir(dir, { recursive: true });
  // Temp files left by a process that died mid-upload belong to no row: start with none.
  const tempCleared = rm(paths.tempDir, { recursive: true, force: true });
  return {
    async receive(source, limit) {
      await tempCleared;
      await ensureDir(paths.tempDir);
      const path = paths.newTemp();
      const out = createWriteStream(path, { flags: "wx", highWaterMark: IO_CHUNK });
      const hash = hashFile(path);
      let size = 0;
      // Counting and hashing listen beside the pipe instead of being a stage in it: no extra
      // stream, no extra buffering. The request is piped rather than handed to pipeline(): on a
      // refusal pipeline would destroy it, and with it the socket the refusal must be sent on.
      const count = (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          out.destroy(errors.entityTooLarge());
          return;
        }
        hash.update(chunk);
        hash.written(out.bytesWritten);
      };
      const cutOff = () => {
        if (!source.readableEnded) out.destroy(new Error("upload interrupted"));
      };
      const written = new Promise<void>((resolve, reject) => {
        out.once("close", () =>
          out.writableFinished ? resolve() : reject(new Error("not written")),
        );
        out.once("error", reject);
      });
      source.on("data", count); // before pipe(): a chunk past the limit never reaches the file
      source.once("error", cutOff);
      source.once("close", cutOff);
      source.pipe(out);
      if (source.destroyed) cutOff(); // closed while the row was being checked: no 'close' to come
      try {
        await written;
        return { path, size, eTag: await hash.eTag(size) };
      } catch (error) {
        hash.abort();
        source.unpipe(out);
        out.destroy();
        await rm(path, { force: true });
        throw error;
      } finally {
        source.off("data", count);
        source.off("error", cutOff);
        source.off("close", cutOff);
      }
    },
    async commit(temp, bucketId, version) {
      const target = paths.blob(bucketId, version);
      await ensureDir(paths.bucketDir(bucketId));
      await rename(temp.path, target);
      return stat(target);
    },
    async discard(temp) {
      await rm(typeof temp === "string" ? temp : temp.path, { force: true });
    },
    async stat(bucketId, version) {
      try {
        return await stat(paths.blob(bucketId, version));
      } catch {
        return null;
      }
    },
    read(bucketId, version, range) {
      return createReadStream(paths.blob(bucketId, version), {
        ...range,
        highWaterMark: READ_CHUNK,
      });
    },
    async copy(from, to) {
      const target = paths.blob(to.bucketId, to.version);
      await ensureDir(paths.bucketDir(to.bucketId));
      // A reflink where the filesystem offers one, a plain copy otherwise.
      await copyFile(paths.blob(from.bucketId, from.version), target, constants.COPYFILE_FICLONE);
      return stat(target);
    },
    async link(from, to) {
      let source: string;
      try {
        source = paths.blob(from.bucketId, from.version);
      } catch {
        return; // not a version of ours (row written by SQL): there are no bytes to move
      }
      await ensureDir(paths.bucketDir(to.bucketId));
      try {
        await link(source, paths.blob(to.bucketId, to.version));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    },
    async remove(bucketId, version) {
      if (!version) return;
      try {
        await rm(paths.blob(bucketId, version), { force: true });
      } catch {
        // A row whose version was never a blob of ours (e.g. written by SQL) has nothing to delete.
      }
    },
    async removeBucket(bucketId) {
      await rm(paths.bucketDir(bucketId), { recursive: true, force: true });
    },
  };
}
