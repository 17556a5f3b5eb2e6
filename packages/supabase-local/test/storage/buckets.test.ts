// Buckets through the real supabase-js: create/get/list/update/empty/delete, their validation and
// the RLS rules on storage.buckets.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "./support/files.ts";
import { useStorageStack } from "./support/stack.ts";

const kit = useStorageStack();

describe("buckets", () => {
  it("creates, reads, lists, updates and deletes a bucket", async () => {
    const { admin } = kit();
    const created = await admin.storage.createBucket("avatars", {
      public: false,
      fileSizeLimit: "1MB",
      allowedMimeTypes: ["image/png"],
    });
    expect(created).toEqual({ data: { name: "avatars" }, error: null });

    const got = await admin.storage.getBucket("avatars");
    expect(got.error).toBeNull();
    expect(got.data).toMatchObject({
      id: "avatars",
      name: "avatars",
      owner: "",
      public: false,
      file_size_limit: 1_000_000,
      allowed_mime_types: ["image/png"],
    });
    expect(got.data?.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Object.keys(got.data ?? {})).not.toContain("type");

    const listed = await admin.storage.listBuckets();
    expect(listed.data?.find((b) => b.id === "avatars")).toMatchObject({ type: "STANDARD" });

    const updated = await admin.storage.updateBucket("avatars", {
      public: true,
      fileSizeLimit: null,
      allowedMimeTypes: null,
    });
    expect(updated).toEqual({ data: { message: "Successfully updated" }, error: null });
    const after = await admin.storage.getBucket("avatars");
    expect(after.data).toMatchObject({
      public: true,
      file_size_limit: null,
      allowed_mime_types: null,
    });

    expect(await admin.storage.deleteBucket("avatars")).toEqual({
      data: { message: "Successfully deleted" },
      error: null,
    });
    const gone = await admin.storage.getBucket("avatars");
    expect(gone.error).toMatchObject({ statusCode: "404", message: "Bucket not found" });
  });

  it("lists with search, sort, limit and offset", async () => {
    const { admin } = kit();
    for (const id of ["list-b", "list-a", "list-c", "other"]) {
      expect((await admin.storage.createBucket(id)).error).toBeNull();
    }
    const found = await admin.storage.listBuckets({
      search: "LIST-",
      sortColumn: "name",
      sortOrder: "desc",
      limit: 2,
      offset: 1,
    });
    expect(found.error).toBeNull();
    expect(found.data?.map((b) => b.name)).toEqual(["list-b", "list-a"]);
  });

  it("refuses duplicates, bad names, bad limits and bad MIME entries with Storage's errors", async () => {
    const { admin } = kit();
    await admin.storage.createBucket("dupe");
    const dupe = await admin.storage.createBucket("dupe");
    expect(dupe.error).toMatchObject({
      statusCode: "409",
      message: "The resource already exists",
      status: 400,
    });
    const badName = await admin.storage.createBucket("no/slash");
    expect(badName.error).toMatchObject({ statusCode: "400", message: "Bucket name invalid" });
    const badSize = await admin.storage.createBucket("bad-size", {
      public: false,
      fileSizeLimit: "10MiB",
    });
    expect(badSize.error?.message).toBe(
      "Invalid file size format, hint: use 20GB / 20MB / 30KB / 3B",
    );
    const tooBig = await admin.storage.createBucket("too-big", {
      public: false,
      fileSizeLimit: "5GB",
    });
    expect(tooBig.error).toMatchObject({ statusCode: "413" });
    const badMime = await admin.storage.createBucket("bad-mime", {
      public: false,
      allowedMimeTypes: ["nope"],
    });
    expect(badMime.error).toMatchObject({
      statusCode: "415",
      message: "mime type nope is not supported",
    });
    const nothing = await admin.storage.updateBucket("dupe", {} as { public: boolean });
    expect(nothing.error?.status).toBe(400);
    for (const id of ["bad-size", "too-big", "bad-mime"]) {
      expect((await admin.storage.getBucket(id)).error?.message).toBe("Bucket not found");
    }
  });

  it("applies RLS on storage.buckets: anon sees nothing and cannot create", async () => {
    const { admin, anon } = kit();
    await admin.storage.createBucket("hidden");
    expect(await anon.storage.listBuckets()).toEqual({ data: [], error: null });
    expect((await anon.storage.getBucket("hidden")).error?.message).toBe("Bucket not found");
    const created = await anon.storage.createBucket("anon-bucket");
    expect(created.error).toMatchObject({
      statusCode: "403",
      message: "new row violates row-level security policy",
    });
  });

  it("lets a signed-in user see buckets (policy) but not change or delete them (no policy)", async () => {
    const { admin, user } = kit();
    await admin.storage.createBucket("guarded");
    const { client } = await user("bucket-reader@example.com");
    expect((await client.storage.getBucket("guarded")).data?.id).toBe("guarded");
    const update = await client.storage.updateBucket("guarded", { public: true });
    expect(update.error).toMatchObject({ statusCode: "404", message: "Bucket not found" });
    const removal = await client.storage.deleteBucket("guarded");
    expect(removal.error).toMatchObject({ statusCode: "404", message: "Bucket not found" });
    expect((await admin.storage.getBucket("guarded")).data).toMatchObject({ public: false });
  });

  it("empties a bucket with the secret key only, then deletes it", async () => {
    const { admin, user } = kit();
    await admin.storage.createBucket("to-empty");
    await admin.storage.from("to-empty").upload("a.txt", "a");
    await admin.storage.from("to-empty").upload("dir/b.txt", "b");
    const notEmpty = await admin.storage.deleteBucket("to-empty");
    expect(notEmpty.error).toMatchObject({
      statusCode: "409",
      message: "The bucket you tried to delete is not empty",
    });
    const { client } = await user("emptier@example.com");
    const refused = await client.storage.emptyBucket("to-empty");
    expect(refused.error).toMatchObject({ statusCode: "403", status: 403 });
    const bucketDir = join(kit().stack.context.dataDir, "storage", "to-empty");
    expect(await listFiles(bucketDir)).toHaveLength(2);
    const emptied = await admin.storage.emptyBucket("to-empty");
    expect(emptied.data?.message).toMatch(/^Empty bucket has been queued/);
    expect((await admin.storage.from("to-empty").list("")).data).toEqual([]);
    expect(await listFiles(bucketDir)).toEqual([]);
    expect((await admin.storage.deleteBucket("to-empty")).error).toBeNull();
  });
});
