// Storage's error envelope: `{statusCode, error, message, code}` where `statusCode` is the logical
// status as a string and the HTTP status is 400 for every handled error except 500-class ones
// (plus a few explicit overrides such as 416 for bad ranges). storage-js and app code match on
// `statusCode`, `code` and `message`, so each factory below keeps Supabase's exact texts.

export class StorageError extends Error {
  override name = "StorageError";
  readonly statusCode: string;
  readonly code: string;
  readonly label: string;
  readonly httpStatus: number;
  constructor(opts: {
    statusCode: number;
    code: string;
    label: string;
    message: string;
    httpStatus?: number;
  }) {
    super(opts.message);
    this.statusCode = String(opts.statusCode);
    this.code = opts.code;
    this.label = opts.label;
    this.httpStatus = opts.httpStatus ?? (opts.statusCode >= 500 ? opts.statusCode : 400);
  }

  toJSON() {
    return {
      statusCode: this.statusCode,
      error: this.label,
      message: this.message,
      code: this.code,
    };
  }
}

const make =
  (statusCode: number, code: string, label: string, message: string, httpStatus?: number) => () =>
    new StorageError({ statusCode, code, label, message, ...(httpStatus ? { httpStatus } : {}) });

const DUPLICATE = "The resource already exists";

export const errors = {
  noSuchBucket: make(404, "NoSuchBucket", "Bucket not found", "Bucket not found"),
  noSuchKey: make(404, "NoSuchKey", "not_found", "Object not found"),
  blobMissing: make(404, "NoSuchKey", "Not found", "The resource was not found"),
  keyExists: make(409, "KeyAlreadyExists", "Duplicate", DUPLICATE),
  bucketExists: make(409, "BucketAlreadyExists", "Duplicate", DUPLICATE),
  resourceExists: make(409, "ResourceAlreadyExists", "Duplicate", DUPLICATE),
  bucketNotEmpty: make(
    409,
    "ResourceNotEmpty",
    "ResourceNotEmpty",
    "The bucket you tried to delete is not empty",
  ),
  tooManyToEmpty: make(
    409,
    "InvalidRequest",
    "InvalidRequest",
    "Unable to empty the bucket because it contains too many objects",
  ),
  accessDenied: (message = "Access denied") =>
    new StorageError({ statusCode: 403, code: "AccessDenied", label: "Unauthorized", message }),
  rlsDenied: () => errors.accessDenied("new row violates row-level security policy"),
  emptyOnlyServiceRole: make(
    403,
    "AccessDenied",
    "Unauthorized",
    "Access denied: Invalid role",
    403,
  ),
  entityTooLarge: make(
    413,
    "EntityTooLarge",
    "Payload too large",
    "The object exceeded the maximum allowed size",
  ),
  metadataTooLarge: make(
    413,
    "EntityTooLarge",
    "Payload too large",
    "The user_metadata exceeded the maximum allowed size",
  ),
  invalidMimeType: (mimetype: string) =>
    new StorageError({
      statusCode: 415,
      code: "InvalidMimeType",
      label: "invalid_mime_type",
      message: `mime type ${mimetype} is not supported`,
    }),
  invalidKey: (key: string) =>
    new StorageError({
      statusCode: 400,
      code: "InvalidKey",
      label: "InvalidKey",
      message: `Invalid key: ${key}`,
    }),
  invalidBucketName: make(400, "InvalidBucketName", "Invalid Input", "Bucket name invalid"),
  invalidRequest: (message: string) =>
    new StorageError({ statusCode: 400, code: "InvalidRequest", label: "InvalidRequest", message }),
  /** Request validation (Storage's schema layer): label "Error". */
  validation: (message: string) =>
    new StorageError({ statusCode: 400, code: "InvalidRequest", label: "Error", message }),
  relatedMissing: make(
    404,
    "InvalidRequest",
    "InvalidRequest",
    "The related resource does not exist",
  ),
  invalidExpiresIn: make(
    400,
    "InvalidParameter",
    "InvalidParameter",
    "Invalid Parameter expiresIn",
  ),
  invalidJwt: (message: string) =>
    new StorageError({ statusCode: 400, code: "InvalidJWT", label: "InvalidJWT", message }),
  invalidSignature: make(400, "InvalidSignature", "InvalidSignature", "Invalid signature"),
  invalidRange: make(416, "InvalidRange", "invalid_range", "invalid range provided", 416),
  featureNotEnabled: (message: string) =>
    new StorageError({
      statusCode: 409,
      code: "FeatureNotEnabled",
      label: "FeatureNotEnabled",
      message,
    }),
  routeNotFound: (method: string, url: string, hint = "") =>
    new StorageError({
      statusCode: 404,
      code: "InvalidRequest",
      label: "Not Found",
      message: `Route ${method}:${url} not found${hint}`,
      httpStatus: 404,
    }),
  internal: make(500, "InternalError", "Internal", "Internal Server Error"),
};

interface PgErrorLike {
  code?: unknown;
  message?: unknown;
  constraint?: unknown;
}

/** Maps a Postgres error raised by a statement run for the request to Storage's error. */
export function fromDbError(error: unknown, duplicate: () => StorageError): StorageError | null {
  if (typeof error !== "object" || error === null) return null;
  const { code, message } = error as PgErrorLike;
  const text = typeof message === "string" ? message : "";
  if (code === "42501") {
    return text.includes("row-level security") ? errors.rlsDenied() : errors.accessDenied(text);
  }
  if (code === "23505") return duplicate();
  if (code === "23503") return errors.relatedMissing();
  return null;
}
