// `env`: writes .env.local. From the running stack when there is one; otherwise from config.toml
// ports and keys.json (created if needed), which are what the next `start` will use.
import { loadConfig } from "../../config/load-config.ts";
import { SUPERUSER, SUPERUSER_PASSWORD } from "../../db/embedded-postgres.ts";
import { openKeyStore } from "../../keys/local-key-store.ts";
import { dataPaths, prepareDataDir } from "../../stack/data-dir.ts";
import type { StackInfo } from "../../stack/types.ts";
import { envVariables, writeEnvFile } from "../env-file.ts";
import type { Locations } from "../locations.ts";
import { readRunState } from "../run-state.ts";

export async function env(where: Locations): Promise<void> {
  const config = await loadConfig(where.supabaseDir);
  const info = readRunState(where.dataDir) ?? (await expectedInfo(where));
  await writeEnvFile(where.envFile, envVariables(info, config));
  console.log(`wrote ${where.envFile}`);
}

async function expectedInfo(where: Locations): Promise<StackInfo> {
  const config = await loadConfig(where.supabaseDir);
  await prepareDataDir(where.dataDir);
  const apiUrl = `http://127.0.0.1:${config.api.port}`;
  const keys = await openKeyStore({
    file: dataPaths(where.dataDir).keys,
    issuer: `${apiUrl}/auth/v1`,
    defaultExpiry: config.auth.jwt_expiry,
  });
  return {
    apiUrl,
    dbUrl:
      where.databaseUrl ??
      `postgresql://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${config.db.port}/postgres`,
    mailboxUrl: `http://127.0.0.1:${config.inbucket.port}`,
    publishableKey: keys.publishableKey,
    secretKey: keys.secretKey,
    jwtSecret: keys.jwtSecret,
    anonKey: keys.anonKey,
    serviceRoleKey: keys.serviceRoleKey,
  };
}
