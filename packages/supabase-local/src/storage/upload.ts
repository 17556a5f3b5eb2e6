// POST /object/{b}/{p} (upload; x-upsert), PUT /object/{b}/{p} (update: always upsert) and
// PUT /object/upload/sign/{b}/{p}?token= (signed upload: no RLS, owner and upsert from the token).
import type { Handler } from "./handler-context.ts";
import { drain, header, sendJson } from "./http.ts";
import { requireIdentity } from "./identity.ts";
import { ownerOf, writeObject } from "./object-write.ts";
import { verifyToken } from "./signed-token.ts";

export const uploadObject: Handler = async (ctx) => {
  const identity = await requireIdentity(ctx.deps.keys, ctx.authorization).catch(async (error) => {
    await drain(ctx.req);
    throw error;
  });
  const upsert = ctx.req.method === "PUT" || header(ctx.req, "x-upsert") === "true";
  const { id } = await writeObject(ctx, { probeAs: identity, owner: ownerOf(identity), upsert });
  sendJson(ctx.res, 200, { Id: id, Key: `${ctx.params.bucket}/${ctx.params.key}` });
};

export const uploadToSignedUrl: Handler = async (ctx) => {
  const { bucket, key } = ctx.params;
  const claims = await verifyToken(
    ctx.deps.keys.jwtSecret,
    ctx.url.searchParams.get("token"),
    `${bucket}/${key}`,
    "upload",
  ).catch(async (error) => {
    await drain(ctx.req);
    throw error;
  });
  const owner = claims.owner ?? null;
  const uuid = owner && /^[0-9a-f-]{36}$/i.test(owner) ? owner : null;
  await writeObject(ctx, {
    probeAs: null,
    owner: { uuid, id: owner },
    upsert: claims.upsert === true,
  });
  sendJson(ctx.res, 200, { Key: `${bucket}/${key}` });
};
