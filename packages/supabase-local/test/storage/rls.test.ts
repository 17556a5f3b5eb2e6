// RLS decides, as on Supabase: two users and anon against a private bucket whose policies (the
// fixture migration) give each user the folder named after their id; a public bucket readable by
// anyone without a token; the secret key bypassing everything.
import { beforeAll, describe, expect, it } from "vitest";
import { type StorageTestKit, useStorageStack } from "./support/stack.ts";

const kit = useStorageStack();
type User = Awaited<ReturnType<StorageTestKit["user"]>>;

describe("RLS on storage.objects", () => {
  let alice: User;
  let bob: User;

  beforeAll(async () => {
    const { admin, user } = kit();
    expect((await admin.storage.createBucket("private")).error).toBeNull();
    expect((await admin.storage.createBucket("public-pics", { public: true })).error).toBeNull();
    alice = await user("alice@example.com");
    bob = await user("bob@example.com");
  });

  it("lets a user write, read, list and delete only inside their own folder", async () => {
    const mine = alice.client.storage.from("private");
    const uploaded = await mine.upload(`${alice.id}/notes.txt`, "alice's notes");
    expect(uploaded.error).toBeNull();
    expect(await (await mine.download(`${alice.id}/notes.txt`)).data?.text()).toBe("alice's notes");
    const listed = await mine.list(alice.id);
    expect(listed.data?.map((o) => o.name)).toEqual(["notes.txt"]);

    const info = await kit().admin.storage.from("private").info(`${alice.id}/notes.txt`);
    expect(info.error).toBeNull();
    const { rows } = await kit().stack.context.pools.admin.query(
      "select owner::text, owner_id from storage.objects where name = $1",
      [`${alice.id}/notes.txt`],
    );
    expect(rows[0]).toEqual({ owner: alice.id, owner_id: alice.id });

    const outside = await mine.upload(`${bob.id}/planted.txt`, "nope");
    expect(outside.error).toMatchObject({
      statusCode: "403",
      message: "new row violates row-level security policy",
    });
    const root = await mine.upload("root.txt", "nope");
    expect(root.error?.statusCode).toBe("403");
    const rows2 = await kit().stack.context.pools.admin.query(
      "select count(*)::int as n from storage.objects where bucket_id = 'private' and name like '%planted%'",
    );
    expect(rows2.rows[0]).toEqual({ n: 0 });
  });

  it("hides one user's files from the other and from anon", async () => {
    const path = `${alice.id}/secret.txt`;
    expect((await alice.client.storage.from("private").upload(path, "secret")).error).toBeNull();

    const bobRead = await bob.client.storage.from("private").download(path);
    expect(bobRead.error).toMatchObject({ statusCode: "404", message: "Object not found" });
    expect((await bob.client.storage.from("private").list(alice.id)).data).toEqual([]);
    expect(await bob.client.storage.from("private").exists(path)).toMatchObject({ data: false });
    const bobSign = await bob.client.storage.from("private").createSignedUrl(path, 60);
    expect(bobSign.error?.message).toBe("Object not found");

    const anonRead = await kit().anon.storage.from("private").download(path);
    expect(anonRead.error).toMatchObject({ statusCode: "404", message: "Object not found" });
    const publicRoute = await fetch(`${kit().storageUrl}/object/public/private/${path}`);
    expect(await publicRoute.json()).toMatchObject({
      statusCode: "404",
      message: "Bucket not found",
    });

    const bobRemove = await bob.client.storage.from("private").remove([path]);
    expect(bobRemove).toEqual({ data: [], error: null });
    const bobOverwrite = await bob.client.storage
      .from("private")
      .upload(path, "overwritten", { upsert: true });
    expect(bobOverwrite.error?.statusCode).toBe("403");
    const bobMove = await bob.client.storage.from("private").move(path, `${bob.id}/stolen.txt`);
    expect(bobMove.error?.statusCode).toBe("404");
    expect(await (await alice.client.storage.from("private").download(path)).data?.text()).toBe(
      "secret",
    );
  });

  it("checks WITH CHECK against the new name on move and the destination on copy", async () => {
    const files = alice.client.storage.from("private");
    await files.upload(`${alice.id}/movable.txt`, "m");
    const outOfFolder = await files.move(`${alice.id}/movable.txt`, `${bob.id}/movable.txt`);
    expect(outOfFolder.error).toMatchObject({ statusCode: "403" });
    const inside = await files.move(`${alice.id}/movable.txt`, `${alice.id}/sub/movable.txt`);
    expect(inside.error).toBeNull();
    const copyOut = await files.copy(`${alice.id}/sub/movable.txt`, `${bob.id}/copy.txt`);
    expect(copyOut.error).toMatchObject({ statusCode: "403" });
    const copyIn = await files.copy(`${alice.id}/sub/movable.txt`, `${alice.id}/copy.txt`);
    expect(copyIn.error).toBeNull();
  });

  it("lets only the owner delete (owner_id policy)", async () => {
    const path = `${alice.id}/by-admin.txt`;
    await kit().admin.storage.from("private").upload(path, "admin wrote this");
    const notOwner = await alice.client.storage.from("private").remove([path]);
    expect(notOwner).toEqual({ data: [], error: null });
    await alice.client.storage.from("private").upload(`${alice.id}/own.txt`, "mine");
    const own = await alice.client.storage.from("private").remove([`${alice.id}/own.txt`]);
    expect(own.data?.map((o) => o.name)).toEqual([`${alice.id}/own.txt`]);
  });

  it("anon cannot write anywhere without a policy", async () => {
    const anonUpload = await kit().anon.storage.from("private").upload("anon/x.txt", "x");
    expect(anonUpload.error?.statusCode).toBe("403");
    const anonPublic = await kit().anon.storage.from("public-pics").upload("x.png", "x");
    expect(anonPublic.error?.statusCode).toBe("403");
  });

  it("serves public buckets to anyone, with no apikey and no token", async () => {
    const pics = alice.client.storage.from("public-pics");
    expect(
      (await pics.upload("cat.png", "png bytes", { contentType: "image/png" })).error,
    ).toBeNull();
    const refused = await pics.upload("cat.jpg", "jpg bytes", { contentType: "image/jpeg" });
    expect(refused.error?.statusCode).toBe("403");

    const url = kit().anon.storage.from("public-pics").getPublicUrl("cat.png").data.publicUrl;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(await response.text()).toBe("png bytes");
    const anonDownload = await kit().anon.storage.from("public-pics").download("cat.png");
    expect(await anonDownload.data?.text()).toBe("png bytes");
    // Listing is not covered by "public": it still needs a SELECT policy.
    expect((await kit().anon.storage.from("public-pics").list()).data).toEqual([]);

    expect(
      (await kit().admin.storage.updateBucket("public-pics", { public: false })).error,
    ).toBeNull();
    const nowPrivate = await fetch(url);
    expect(await nowPrivate.json()).toMatchObject({ message: "Bucket not found" });
    await kit().admin.storage.updateBucket("public-pics", { public: true });
  });

  it("treats an invalid token on a JWT-optional route as anon, and rejects it elsewhere", async () => {
    const { storageUrl, stack } = kit();
    const headers = { apikey: stack.publishableKey, authorization: "Bearer not.a.jwt" };
    const download = await fetch(`${storageUrl}/object/private/${alice.id}/notes.txt`, { headers });
    expect(await download.json()).toMatchObject({ statusCode: "404", message: "Bucket not found" });
    const list = await fetch(`${storageUrl}/object/list/private`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ prefix: "" }),
    });
    expect(list.status).toBe(400);
    expect(await list.json()).toMatchObject({ statusCode: "403", code: "AccessDenied" });
  });

  it("exposes the operation to policies through storage.operation()", async () => {
    await kit().admin.storage.createBucket("ops");
    await kit().admin.storage.from("ops").upload("report.txt", "r");
    const files = alice.client.storage.from("ops");
    expect((await files.list()).data?.map((o) => o.name)).toEqual(["report.txt"]);
    expect((await files.download("report.txt")).error?.message).toBe("Object not found");
  });

  it("ships Supabase's helper functions for policies", async () => {
    const { rows } = await kit().stack.context.pools.admin.query<{ ok: boolean }>(
      "select storage.foldername('a/b/c.png') = '{a,b}' and storage.filename('a/b/c.png') = 'c.png' " +
        "and storage.extension('a/b/c.tar.gz') = 'gz' and storage.extension('a/README') = 'README' as ok",
    );
    expect(rows[0]?.ok).toBe(true);
  });
});
