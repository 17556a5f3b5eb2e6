// Signed download and upload URLs: they work without any key, expire, cannot be reused for another
// path, and signed uploads keep the bucket's limits and the token's upsert flag.
import { decodeJwt, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { useStorageStack } from "./support/stack.ts";

const kit = useStorageStack();

describe("signed URLs", () => {
  beforeAll(async () => {
    const { admin } = kit();
    await admin.storage.createBucket("signed", { public: false, allowedMimeTypes: ["text/*"] });
    await admin.storage.from("signed").upload("a.txt", "file a");
    await admin.storage.from("signed").upload("b.txt", "file b");
  });

  it("creates a download URL that works with no key and carries Expires", async () => {
    const { data, error } = await kit().admin.storage.from("signed").createSignedUrl("a.txt", 60);
    expect(error).toBeNull();
    const signedUrl = data?.signedUrl ?? "";
    expect(signedUrl).toContain("/storage/v1/object/sign/signed/a.txt?token=");
    const token = new URL(signedUrl).searchParams.get("token") ?? "";
    expect(decodeJwt(token)).toMatchObject({ url: "signed/a.txt", scope: "download" });

    const response = await fetch(signedUrl);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("file a");
    expect(response.headers.get("cache-control")).toBeNull();
    expect(Date.parse(response.headers.get("expires") ?? "")).toBeGreaterThan(Date.now());

    const asDownload = await kit().admin.storage.from("signed").createSignedUrl("a.txt", 60, {
      download: "renamed.txt",
    });
    const attachment = await fetch(asDownload.data?.signedUrl ?? "");
    expect(attachment.headers.get("content-disposition")).toContain("filename=renamed.txt");
  });

  it("refuses the token for another path, a tampered token, an expired one and none", async () => {
    const { admin, storageUrl, stack } = kit();
    const { data } = await admin.storage.from("signed").createSignedUrl("a.txt", 60);
    const token = new URL(data?.signedUrl ?? "").searchParams.get("token") ?? "";

    const other = await fetch(`${storageUrl}/object/sign/signed/b.txt?token=${token}`);
    expect(other.status).toBe(400);
    expect(await other.json()).toMatchObject({ statusCode: "400", message: "Invalid signature" });

    const tampered = await fetch(`${storageUrl}/object/sign/signed/a.txt?token=${token}x`);
    expect(await tampered.json()).toMatchObject({ code: "InvalidJWT" });

    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ url: "signed/a.txt", scope: "download" })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuedAt(now - 120)
      .setExpirationTime(now - 60)
      .sign(new TextEncoder().encode(stack.jwtSecret));
    const late = await fetch(`${storageUrl}/object/sign/signed/a.txt?token=${expired}`);
    expect(await late.json()).toMatchObject({
      code: "InvalidJWT",
      message: '"exp" claim timestamp check failed',
    });

    const none = await fetch(`${storageUrl}/object/sign/signed/a.txt`);
    expect(await none.json()).toMatchObject({
      message: "querystring must have required property 'token'",
    });
  });

  it("needs a valid Authorization to create a signed URL", async () => {
    const create = (headers: Record<string, string>) =>
      fetch(`${kit().storageUrl}/object/sign/signed/a.txt`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ expiresIn: 60 }),
      });
    const missing = await create({});
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      statusCode: "400",
      message: "headers must have required property 'authorization'",
    });
    const bad = await create({ authorization: "Bearer nonsense" });
    expect(await bad.json()).toMatchObject({ statusCode: "403", code: "AccessDenied" });
  });

  it("lets a 1-second URL expire", async () => {
    const { data } = await kit().admin.storage.from("signed").createSignedUrl("a.txt", 1);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const response = await fetch(data?.signedUrl ?? "");
    expect(await response.json()).toMatchObject({ code: "InvalidJWT" });
  });

  it("signs many paths, reporting the missing ones", async () => {
    const { data, error } = await kit()
      .admin.storage.from("signed")
      .createSignedUrls(["a.txt", "missing.txt", "b.txt"], 60);
    expect(error).toBeNull();
    expect(data?.map((d) => d.error)).toEqual([
      null,
      "Either the object does not exist or you do not have access to it",
      null,
    ]);
    expect(await (await fetch(data?.[2]?.signedUrl ?? "")).text()).toBe("file b");
    const bad = await kit().admin.storage.from("signed").createSignedUrl("a.txt", 0);
    expect(bad.error?.message).toBe("Invalid Parameter expiresIn");
  });

  it("creates upload URLs that upload once, honour upsert and the bucket's MIME rule", async () => {
    const files = kit().admin.storage.from("signed");
    const created = await files.createSignedUploadUrl("up/new.txt");
    expect(created.error).toBeNull();
    const { token, path } = created.data ?? { token: "", path: "" };
    expect(decodeJwt(token)).toMatchObject({ url: "signed/up/new.txt", upsert: false });

    const anonFiles = kit().anon.storage.from("signed");
    const uploaded = await anonFiles.uploadToSignedUrl(path, token, "via signed url", {
      contentType: "text/plain",
    });
    expect(uploaded.error).toBeNull();
    expect(uploaded.data).toMatchObject({ path: "up/new.txt", fullPath: "signed/up/new.txt" });
    expect(await (await files.download("up/new.txt")).data?.text()).toBe("via signed url");

    const again = await anonFiles.uploadToSignedUrl(path, token, "second", {
      contentType: "text/plain",
    });
    expect(again.error).toMatchObject({ statusCode: "409" });
    const elsewhere = await anonFiles.uploadToSignedUrl("up/other.txt", token, "x");
    expect(elsewhere.error?.message).toBe("Invalid signature");

    const upsertUrl = await files.createSignedUploadUrl("up/new.txt", { upsert: true });
    const image = await anonFiles.uploadToSignedUrl(
      "up/new.txt",
      upsertUrl.data?.token ?? "",
      "x",
      {
        contentType: "image/png",
      },
    );
    expect(image.error).toMatchObject({ statusCode: "415" });
    const replaced = await anonFiles.uploadToSignedUrl(
      "up/new.txt",
      upsertUrl.data?.token ?? "",
      "replaced",
      { contentType: "text/plain" },
    );
    expect(replaced.error).toBeNull();
    expect(await (await files.download("up/new.txt")).data?.text()).toBe("replaced");

    const downloadToken = new URL(
      (await files.createSignedUrl("a.txt", 60)).data?.signedUrl ?? "",
    ).searchParams.get("token");
    const wrongScope = await anonFiles.uploadToSignedUrl("a.txt", downloadToken ?? "", "x");
    expect(wrongScope.error?.message).toBe("Token is not scoped for upload");
  });

  it("refuses to sign an upload URL for an existing name without upsert", async () => {
    const dupe = await kit().admin.storage.from("signed").createSignedUploadUrl("a.txt");
    expect(dupe.error).toMatchObject({ statusCode: "409" });
  });

  it("round-trips names with spaces and punctuation through upload, download and signing", async () => {
    const files = kit().admin.storage.from("signed");
    const name = "odd names/my file (1) & co's @v=2;x,y!*$+:.txt";
    const uploaded = await files.upload(name, "odd", { contentType: "text/plain" });
    expect(uploaded.error).toBeNull();
    expect(uploaded.data?.fullPath).toBe(`signed/${name}`);
    expect(await (await files.download(name)).data?.text()).toBe("odd");
    const listed = await files.list("odd names");
    expect(listed.data?.map((o) => o.name)).toEqual(["my file (1) & co's @v=2;x,y!*$+:.txt"]);
    const signed = await files.createSignedUrl(name, 60);
    expect(await (await fetch(signed.data?.signedUrl ?? "")).text()).toBe("odd");
  });
});
