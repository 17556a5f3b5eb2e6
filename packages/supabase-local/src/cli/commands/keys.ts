// `keys`, `keys rotate`, `keys revoke <kid>`: change keys.json directly (Postgres is not needed)
// and tell a running stack to reload it (SIGHUP).
import { loadConfig } from "../../config/load-config.ts";
import { type LocalKeyStore, openKeyStore } from "../../keys/local-key-store.ts";
import { dataPaths, prepareDataDir } from "../../stack/data-dir.ts";
import { StartError } from "../../stack/errors.ts";
import type { Locations } from "../locations.ts";
import { readPid, readRunState } from "../run-state.ts";

export async function keysCommand(
  where: Locations,
  action: string | undefined,
  kid: string | undefined,
) {
  const keys = await openKeys(where);
  if (action === undefined || action === "list") {
    for (const key of keys.jwks().keys) console.log(key.kid);
    return;
  }
  if (action === "rotate") {
    const newKid = await keys.rotate();
    console.log(`new signing key ${newKid}; earlier keys stay in the JWKS until revoked`);
  } else if (action === "revoke") {
    if (!kid) throw new StartError("usage: supabase-local keys revoke <kid>");
    try {
      await keys.revoke(kid);
    } catch (error) {
      throw new StartError(error instanceof Error ? error.message : String(error));
    }
    console.log(`revoked ${kid}: tokens it signed no longer verify`);
  } else {
    throw new StartError(`unknown keys command "${action}" (use rotate, revoke <kid> or list)`);
  }
  const pid = readPid(where.dataDir);
  if (pid !== undefined) process.kill(pid, "SIGHUP");
}

async function openKeys(where: Locations): Promise<LocalKeyStore> {
  await prepareDataDir(where.dataDir);
  const config = await loadConfig(where.supabaseDir);
  const apiUrl = readRunState(where.dataDir)?.apiUrl ?? `http://127.0.0.1:${config.api.port}`;
  return openKeyStore({
    file: dataPaths(where.dataDir).keys,
    issuer: `${apiUrl}/auth/v1`,
    defaultExpiry: config.auth.jwt_expiry,
  });
}
