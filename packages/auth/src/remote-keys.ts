// The project's public signing keys, fetched with jose's createRemoteJWKSet (10-minute cache,
// refetch on an unknown kid after a cooldown, fetch timeout). We also remember which keys the last
// fetch returned, so the verified-token cache can drop a token the moment its key leaves the set.
import type { CryptoKey, FlattenedJWSInput, JWTHeaderParameters } from "jose";
import { createRemoteJWKSet, customFetch, errors } from "jose";

export interface RemoteKeysOptions {
  jwksUrl: URL;
  cacheMaxAgeMs: number;
  cooldownMs: number;
  timeoutMs: number;
}

export class KeysUnavailableError extends Error {
  override name = "KeysUnavailableError";
}

export interface RemoteKeys {
  /** Key resolver for jose's jwtVerify. Fetch failures become KeysUnavailableError. */
  resolve(header: JWTHeaderParameters, token: FlattenedJWSInput): Promise<CryptoKey>;
  /** Fingerprint of the key with this kid in the current, still fresh set; undefined otherwise. */
  currentFingerprint(kid: string): string | undefined;
  /** Fetches the set now (used at start so the first request does not wait). */
  reload(): Promise<void>;
}

export function createRemoteKeys(options: RemoteKeysOptions): RemoteKeys {
  let fingerprints = new Map<string, string>();

  // Sees every successful fetch so the fingerprints always describe what jose is using.
  const observingFetch = async (url: string, init: RequestInit): Promise<Response> => {
    const response = await fetch(url, init);
    if (response.status !== 200) return response;
    const body: unknown = await response.json();
    const next = new Map<string, string>();
    const keys = (body as { keys?: unknown }).keys;
    if (Array.isArray(keys)) {
      for (const key of keys) {
        const kid = (key as { kid?: unknown }).kid;
        if (typeof kid === "string") next.set(kid, JSON.stringify(key));
      }
    }
    fingerprints = next;
    return new Response(JSON.stringify(body), { status: 200, headers: response.headers });
  };

  const remote = createRemoteJWKSet(options.jwksUrl, {
    cacheMaxAge: options.cacheMaxAgeMs,
    cooldownDuration: options.cooldownMs,
    timeoutDuration: options.timeoutMs,
    [customFetch]: observingFetch,
  });

  const asUnavailable = (error: unknown): unknown => {
    const keyProblem =
      error instanceof errors.JWKSNoMatchingKey ||
      error instanceof errors.JWKSMultipleMatchingKeys ||
      error instanceof errors.JOSENotSupported;
    return keyProblem
      ? error
      : new KeysUnavailableError("signing keys could not be fetched", { cause: error });
  };

  return {
    async resolve(header, token) {
      try {
        return await remote(header, token);
      } catch (error) {
        throw asUnavailable(error);
      }
    },
    currentFingerprint(kid) {
      return remote.fresh ? fingerprints.get(kid) : undefined;
    },
    async reload() {
      try {
        await remote.reload();
      } catch (error) {
        throw asUnavailable(error);
      }
    },
  };
}
