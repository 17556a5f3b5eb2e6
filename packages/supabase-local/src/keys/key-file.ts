// keys.json: every secret of one stack, generated on first start and reused afterwards so that
// tokens, env files and JWKS caches stay valid across restarts.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { z } from "zod";

const signingKeySchema = z.object({
  kid: z.string().min(1),
  /** Private EC P-256 JWK (with `d`). */
  privateJwk: z.record(z.string(), z.unknown()),
  /** `current` signs; `previous` only verifies until revoked. */
  status: z.enum(["current", "previous"]),
  createdAt: z.string(),
});

export const keyFileSchema = z.object({
  version: z.literal(1),
  publishableKey: z.string().startsWith("sb_publishable_"),
  secretKey: z.string().startsWith("sb_secret_"),
  jwtSecret: z.string().min(32),
  anonKey: z.string(),
  serviceRoleKey: z.string(),
  signingKeys: z.array(signingKeySchema).min(1),
});

export type KeyFile = z.infer<typeof keyFileSchema>;
export type SigningKeyEntry = z.infer<typeof signingKeySchema>;

/** Expiry of the legacy anon/service_role keys, the same instant the Supabase CLI uses (2032). */
const LEGACY_KEY_EXP = 1983812996;

export async function readKeyFile(path: string): Promise<KeyFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const parsed = keyFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(
      `${path} is not a valid supabase-local key file: ${parsed.error.issues[0]?.message}`,
    );
  }
  return parsed.data;
}

/** Writes atomically (temp file + rename) so a crash never leaves half a key file. */
export async function writeKeyFile(path: string, keys: KeyFile): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  await rename(temp, path);
}

export async function generateKeyFile(): Promise<KeyFile> {
  const jwtSecret = randomBytes(30).toString("base64url");
  return {
    version: 1,
    publishableKey: opaqueKey("sb_publishable_"),
    secretKey: opaqueKey("sb_secret_"),
    jwtSecret,
    anonKey: await legacyKey("anon", jwtSecret),
    serviceRoleKey: await legacyKey("service_role", jwtSecret),
    signingKeys: [await generateSigningKey("current")],
  };
}

export async function generateSigningKey(
  status: SigningKeyEntry["status"],
): Promise<SigningKeyEntry> {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const kid = randomUUID();
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: "ES256", use: "sig" };
  return { kid, privateJwk, status, createdAt: new Date().toISOString() };
}

/** `sb_<kind>_<22 random chars>_<8-char checksum>`: the shape of Supabase's opaque keys. */
function opaqueKey(prefix: string): string {
  const body = randomBytes(16).toString("base64url").slice(0, 22);
  const checksum = createHash("sha256")
    .update(prefix + body)
    .digest("base64url")
    .slice(0, 8);
  return `${prefix}${body}_${checksum}`;
}

/** Long-lived HS256 API keys as the CLI mints them: no sub, no aud, no kid. */
function legacyKey(role: "anon" | "service_role", secret: string): Promise<string> {
  return new SignJWT({ iss: "supabase-demo", role, exp: LEGACY_KEY_EXP })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .sign(new TextEncoder().encode(secret));
}
