// start(): one running stack — Postgres (bootstrapped, migrated, seeded), keys, the gateway with
// Auth / Data API / Storage behind it, and the mailbox. `stop()` releases every port and process.
import { resolve } from "node:path";
import { createAuthService } from "../auth/index.ts";
import { loadConfig } from "../config/load-config.ts";
import { createPools } from "../db/pools.ts";
import { createGateway } from "../gateway/gateway.ts";
import { openKeyStore } from "../keys/local-key-store.ts";
import { createMailbox, createMailboxServer, startSmtpServer } from "../mailbox/index.ts";
import { createRestService } from "../rest/index.ts";
import { createStorageService } from "../storage/index.ts";
import { createCleanup } from "./cleanup.ts";
import type { StackContext } from "./context.ts";
import { authenticatorPassword, dataPaths, prepareDataDir } from "./data-dir.ts";
import { openDatabase, prepareDatabase } from "./database.ts";
import { StartError } from "./errors.ts";
import { closeServer, listen } from "./listen.ts";
import { DEFAULT_DATA_DIR, DEFAULT_SUPABASE_DIR } from "./paths.ts";
import type { RunningStack, StartOptions } from "./types.ts";

export async function start(options: StartOptions = {}): Promise<RunningStack> {
  const began = performance.now();
  const log = options.log ?? ((line: string) => process.stderr.write(`supabase-local: ${line}\n`));
  const supabaseDir = resolve(options.supabaseDir ?? DEFAULT_SUPABASE_DIR);
  const dataDir = resolve(options.dir ?? DEFAULT_DATA_DIR);
  const config = await loadConfig(supabaseDir);
  await prepareDataDir(dataDir);
  const cleanup = createCleanup(log);
  const phase = phaseTimer();
  try {
    // Ports first: a taken port fails fast, before Postgres is started for nothing.
    const gateway = createGateway(log);
    const apiPort = await listen(gateway.server, options.ports?.api ?? config.api.port, "API");
    cleanup.add("gateway", () => closeServer(gateway.server));
    const mailbox = createMailbox(dataPaths(dataDir).mailbox);
    const mailboxServer = createMailboxServer(mailbox);
    const mailboxPort = await listen(
      mailboxServer,
      options.ports?.mailbox ?? config.inbucket.port,
      "mailbox",
    );
    cleanup.add("mailbox", () => closeServer(mailboxServer));
    // The app's own mail (worker notifications) reaches the mailbox through SMTP; a free port when
    // the mailbox port is one too (tests), unless given.
    const smtpPort =
      options.ports?.smtp ?? (options.ports?.mailbox === 0 ? 0 : config.inbucket.smtp_port);
    const smtp = await startSmtpServer(mailbox, smtpPort).catch((error: unknown) => {
      throw new StartError(error instanceof Error ? error.message : String(error));
    });
    cleanup.add("smtp", smtp.close);
    const apiUrl = `http://127.0.0.1:${apiPort}`;

    // Postgres and the keys do not depend on each other: start both at once.
    const [db, keys, password] = await settleAll([
      openDatabase({
        dataDir,
        port: options.ports?.db ?? config.db.port,
        databaseUrl: options.databaseUrl,
        ephemeral: options.ephemeral,
        templateCache: options.templateCache,
        log,
      }).then((database) => {
        cleanup.add("postgres", database.stop);
        return database;
      }),
      openKeyStore({
        file: dataPaths(dataDir).keys,
        issuer: `${apiUrl}/auth/v1`,
        defaultExpiry: config.auth.jwt_expiry,
      }),
      authenticatorPassword(dataDir),
    ]);
    phase("postgres");
    await prepareDatabase(db, { config, supabaseDir, authenticatorPassword: password, log });
    phase("bootstrap+migrations+seed");

    const pools = createPools(db.url, password);
    cleanup.add("pools", () => Promise.all([pools.admin.end(), pools.authenticator.end()]));
    const context: StackContext = {
      config,
      dataDir,
      urls: {
        api: apiUrl,
        db: db.url,
        mailbox: `http://127.0.0.1:${mailboxPort}`,
        smtp: `smtp://127.0.0.1:${smtp.port}`,
      },
      keys,
      mailbox,
      pools,
    };
    const services = {
      auth: createAuthService(context),
      rest: createRestService(context),
      storage: createStorageService(context),
    };
    cleanup.add("services", () => Promise.all(Object.values(services).map((s) => s.close?.())));
    await services.rest.reloadSchema();
    phase("services");
    gateway.setTarget({ keys, services });
    log(`ready in ${Math.round(performance.now() - began)} ms (${phase.summary()}): API ${apiUrl}`);

    let stopping: Promise<void> | undefined;
    return {
      apiUrl,
      dbUrl: db.url,
      mailboxUrl: context.urls.mailbox,
      smtpUrl: context.urls.smtp,
      get publishableKey() {
        return keys.publishableKey;
      },
      get secretKey() {
        return keys.secretKey;
      },
      get jwtSecret() {
        return keys.jwtSecret;
      },
      get anonKey() {
        return keys.anonKey;
      },
      get serviceRoleKey() {
        return keys.serviceRoleKey;
      },
      context,
      stop: () => {
        // No new requests first, so none meets a closed pool; then everything else, newest first.
        stopping ??= closeServer(gateway.server)
          .then(() => cleanup.runAll())
          .then(() => log("stopped"));
        return stopping;
      },
    };
  } catch (error) {
    await cleanup.runAll();
    throw error;
  }
}

/** Like Promise.all, but waits for every promise so nothing started is left behind on failure. */
async function settleAll<T extends readonly unknown[]>(
  promises: { [K in keyof T]: Promise<T[K]> },
): Promise<T> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

function phaseTimer() {
  let last = performance.now();
  const parts: string[] = [];
  const mark = (name: string) => {
    const now = performance.now();
    parts.push(`${name} ${Math.round(now - last)} ms`);
    last = now;
  };
  return Object.assign(mark, { summary: () => parts.join(", ") });
}
