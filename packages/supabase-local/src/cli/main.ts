// supabase-local CLI: start | stop | status [--json] | reset | keys [rotate | revoke <kid>] | env
import { parseArgs } from "node:util";
import { EnvError } from "@docket/env";
import { ConfigError } from "../config/load-config.ts";
import { StartError } from "../stack/errors.ts";
import { resolveLocations } from "./locations.ts";

const USAGE = `usage: supabase-local <command> [options]
  start [--foreground]   start the stack (background unless --foreground) and write .env.local
  stop                   stop it
  status [--json]        print URLs and keys
  reset                  rebuild the database from scratch (keys are kept)
  keys [rotate | revoke <kid>]   list, rotate or revoke signing keys
  env                    write .env.local for the apps
options: --dir <data folder>  --supabase-dir <folder with config.toml>  --database-url <postgres url>`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      foreground: { type: "boolean" },
      json: { type: "boolean" },
      dir: { type: "string" },
      "supabase-dir": { type: "string" },
      "database-url": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) return console.log(USAGE);
  const where = resolveLocations(values);
  // Location flags travel to the background process as given.
  const forwarded = (["dir", "supabase-dir", "database-url"] as const).flatMap((name) =>
    values[name] ? [`--${name}`, values[name]] : [],
  );
  // Commands are loaded on demand: `status` or `stop` need not load the whole stack.
  switch (command) {
    case "start": {
      const { startBackground, startForeground } = await import("./commands/start.ts");
      return values.foreground ? startForeground(where) : startBackground(where, forwarded);
    }
    case "stop": {
      const { stop } = await import("./commands/stop.ts");
      console.log((await stop(where)) ? "stopped" : "supabase-local was not running");
      return;
    }
    case "status":
      return (await import("./commands/status.ts")).status(where, values.json === true);
    case "reset":
      return (await import("./commands/reset.ts")).reset(where, forwarded);
    case "keys":
      return (await import("./commands/keys.ts")).keysCommand(where, rest[0], rest[1]);
    case "env":
      return (await import("./commands/env.ts")).env(where);
    default:
      throw new StartError(`unknown command "${command}"\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known =
    error instanceof StartError || error instanceof ConfigError || error instanceof EnvError;
  console.error(
    `✖ ${known ? error.message : error instanceof Error ? error.stack : String(error)}`,
  );
  process.exit(1);
});
