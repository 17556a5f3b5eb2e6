// The route table, in priority order: literal second segments (`public`, `sign`, `info`, …) come
// before the generic `/object/{bucket}/{path}` routes. Operation names are Storage's, exposed to
// policies through storage.operation().

import { emptyBucket } from "./buckets-empty.ts";
import { getBucket, listBuckets } from "./buckets-read.ts";
import { createBucket, deleteBucket, updateBucket } from "./buckets-write.ts";
import { copyObject } from "./copy.ts";
import { readObject, readSignedObject } from "./download.ts";
import type { Handler, Route } from "./handler-context.ts";
import { objectInfo } from "./info.ts";
import { listObjects } from "./list.ts";
import { listObjectsV2 } from "./list-v2.ts";
import { moveObject } from "./move.ts";
import { removeObject, removeObjects } from "./remove.ts";
import { signUploadUrl, signUrl, signUrls } from "./sign.ts";
import { uploadObject, uploadToSignedUrl } from "./upload.ts";

const route = (method: string, path: string, operation: string, handler: Handler): Route => ({
  method,
  pattern: path.split("/").filter(Boolean),
  operation,
  handler,
});

const b = "storage.bucket";
const o = "storage.object";

export const routes: Route[] = [
  route("GET", "/bucket", `${b}.list`, listBuckets),
  route("GET", "/bucket/:bucket", `${b}.get`, getBucket),
  route("POST", "/bucket", `${b}.create`, createBucket),
  route("PUT", "/bucket/:bucket", `${b}.update`, updateBucket),
  route("POST", "/bucket/:bucket/empty", `${b}.empty`, emptyBucket),
  route("DELETE", "/bucket/:bucket", `${b}.delete`, deleteBucket),

  route("GET", "/object/public/:bucket/*", `${o}.get_public`, readObject("public")),
  route("HEAD", "/object/public/:bucket/*", `${o}.head_public`, readObject("public")),
  route(
    "GET",
    "/object/authenticated/:bucket/*",
    `${o}.get_authenticated`,
    readObject("authenticated"),
  ),
  route(
    "HEAD",
    "/object/authenticated/:bucket/*",
    "object.head_authenticated_info",
    readObject("authenticated"),
  ),
  route("GET", "/object/sign/:bucket/*", `${o}.get_signed`, readSignedObject),
  route("HEAD", "/object/sign/:bucket/*", `${o}.get_signed`, readSignedObject),
  route("GET", "/object/info/public/:bucket/*", `${o}.info_public`, objectInfo("public")),
  route(
    "GET",
    "/object/info/authenticated/:bucket/*",
    "object.get_authenticated_info",
    objectInfo("authenticated"),
  ),
  route("GET", "/object/info/:bucket/*", "object.get_authenticated_info", objectInfo("optional")),
  route("POST", "/object/upload/sign/:bucket/*", `${o}.sign_upload_url`, signUploadUrl),
  route("PUT", "/object/upload/sign/:bucket/*", `${o}.upload_signed`, uploadToSignedUrl),
  route("POST", "/object/sign/:bucket/*", `${o}.sign`, signUrl),
  route("POST", "/object/sign/:bucket", `${o}.sign_many`, signUrls),
  route("POST", "/object/list/:bucket", `${o}.list`, listObjects),
  route("POST", "/object/list-v2/:bucket", `${o}.list_v2`, listObjectsV2),
  route("POST", "/object/move", `${o}.move`, moveObject),
  route("POST", "/object/copy", `${o}.copy`, copyObject),

  route("POST", "/object/:bucket/*", `${o}.upload`, uploadObject),
  route("PUT", "/object/:bucket/*", `${o}.upload_update`, uploadObject),
  route("GET", "/object/:bucket/*", `${o}.get_authenticated`, readObject("optional")),
  route("HEAD", "/object/:bucket/*", "object.head_authenticated_info", readObject("optional")),
  route("DELETE", "/object/:bucket/*", `${o}.delete`, removeObject),
  route("DELETE", "/object/:bucket", `${o}.delete_many`, removeObjects),
];
