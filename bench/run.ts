// `pnpm bench`: runs every bench/*.bench.ts one after another (never in parallel: they measure the
// same two cores) and stops at the first failure. `node bench/run.ts auth` runs the ones matching.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const filter = process.argv[2] ?? "";
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith(".bench.ts") && f.includes(filter))
  .sort();

for (const file of files) {
  console.log(`\n━━ ${file} ━━`);
  const result = spawnSync(process.execPath, [file], {
    cwd: import.meta.dirname,
    stdio: "inherit",
  });
  if (result.status !== 0) {
    console.error(`✖ ${file} failed (${result.signal ?? result.status})`);
    process.exit(1);
  }
}
