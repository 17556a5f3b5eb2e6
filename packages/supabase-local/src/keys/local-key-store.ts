// The KeyStore of a stack, backed by keys.json. Signing uses the one `current` ES256 key; the
// JWKS publishes every key not yet revoked, so tokens signed before a rotation keep verifying.
import {
  type CryptoKey,
  decodeProtectedHeader,
  errors,
  importJWK,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from "jose";
import {
  generateKeyFile,
  generateSigningKey,
  type KeyFile,
  readKeyFile,
  writeKeyFile,
} from "./key-file.ts";
import { InvalidTokenError, type KeyStore } from "./key-store.ts";

export interface LocalKeyStore extends KeyStore {
  /** Re-reads keys.json (after `supabase-local keys rotate` changed it from another process). */
  reload(): Promise<void>;
}

interface LoadedKey {
  kid: string;
  current: boolean;
  publicJwk: JWK;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

export interface KeyStoreOptions {
  /** Path of keys.json; created when missing. */
  file: string;
  issuer: string;
  /** Default access-token lifetime (config `[auth] jwt_expiry`). */
  defaultExpiry: number;
}

export async function openKeyStore(options: KeyStoreOptions): Promise<LocalKeyStore> {
  let file = await readKeyFile(options.file);
  if (!file) {
    file = await generateKeyFile();
    await writeKeyFile(options.file, file);
  }
  let state = file;
  let loaded = await loadKeys(state);
  const hsSecret = () => new TextEncoder().encode(state.jwtSecret);

  async function save(next: KeyFile): Promise<void> {
    const nextLoaded = await loadKeys(next);
    await writeKeyFile(options.file, next);
    state = next;
    loaded = nextLoaded;
  }

  return {
    get publishableKey() {
      return state.publishableKey;
    },
    get secretKey() {
      return state.secretKey;
    },
    get jwtSecret() {
      return state.jwtSecret;
    },
    get anonKey() {
      return state.anonKey;
    },
    get serviceRoleKey() {
      return state.serviceRoleKey;
    },
    issuer: options.issuer,

    async signAccessToken(claims, expiresInSeconds = options.defaultExpiry) {
      const signer = loaded.find((k) => k.current);
      if (!signer) throw new Error("supabase-local: no current signing key in keys.json");
      const now = Math.floor(Date.now() / 1000);
      const payload: JWTPayload = { ...claims };
      payload.iat ??= now;
      payload.exp ??= payload.iat + expiresInSeconds;
      return new SignJWT(payload)
        .setProtectedHeader({ alg: "ES256", kid: signer.kid, typ: "JWT" })
        .sign(signer.privateKey);
    },

    async verify(token) {
      let header: ReturnType<typeof decodeProtectedHeader>;
      try {
        header = decodeProtectedHeader(token);
      } catch {
        throw new InvalidTokenError("malformed", "token is not a JWT");
      }
      if (header.alg === "HS256") return verifyWith(token, hsSecret(), "HS256");
      if (header.alg !== "ES256" && header.alg !== "RS256") {
        throw new InvalidTokenError("malformed", `signing method ${String(header.alg)} is invalid`);
      }
      const key = loaded.find((k) => k.kid === header.kid);
      if (!key) throw new InvalidTokenError("unknown_kid", `no key with kid ${String(header.kid)}`);
      return verifyWith(token, key.publicKey, header.alg);
    },

    jwks(): JSONWebKeySet {
      return { keys: loaded.map((k) => k.publicJwk) };
    },

    async rotate() {
      const fresh = await generateSigningKey("current");
      const demoted = state.signingKeys.map((k) => ({ ...k, status: "previous" as const }));
      await save({ ...state, signingKeys: [fresh, ...demoted] });
      return fresh.kid;
    },

    async revoke(kid) {
      const entry = state.signingKeys.find((k) => k.kid === kid);
      if (!entry) throw new Error(`no signing key with kid ${kid}`);
      if (entry.status === "current") {
        throw new Error(`key ${kid} is the current signing key: rotate first, then revoke it`);
      }
      await save({ ...state, signingKeys: state.signingKeys.filter((k) => k.kid !== kid) });
    },

    async reload() {
      const next = await readKeyFile(options.file);
      if (next) {
        loaded = await loadKeys(next);
        state = next;
      }
    },
  };
}

async function loadKeys(file: KeyFile): Promise<LoadedKey[]> {
  return Promise.all(
    file.signingKeys.map(async (entry) => {
      const { d: _private, ...publicJwk } = entry.privateJwk as JWK;
      const jwk: JWK = { ...publicJwk, kid: entry.kid, alg: "ES256", use: "sig" };
      return {
        kid: entry.kid,
        current: entry.status === "current",
        publicJwk: { ...jwk, key_ops: ["verify"] },
        privateKey: (await importJWK(entry.privateJwk as JWK, "ES256")) as CryptoKey,
        publicKey: (await importJWK(jwk, "ES256")) as CryptoKey,
      };
    }),
  );
}

async function verifyWith(token: string, key: CryptoKey | Uint8Array, alg: string) {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: [alg] });
    return payload;
  } catch (error) {
    throw toInvalidToken(error);
  }
}

function toInvalidToken(error: unknown): InvalidTokenError {
  if (error instanceof errors.JWTExpired)
    return new InvalidTokenError("expired", "token is expired");
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === "nbf") {
    return new InvalidTokenError("not_yet_valid", "token is not valid yet");
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new InvalidTokenError("bad_signature", "signature is invalid");
  }
  const message = error instanceof Error ? error.message : String(error);
  return new InvalidTokenError("malformed", message);
}
