import { StartError } from "../../stack/errors.ts";
import { formatStatus, statusJson } from "../format-status.ts";
import type { Locations } from "../locations.ts";
import { readRunState } from "../run-state.ts";

export function status(where: Locations, json: boolean): void {
  const state = readRunState(where.dataDir);
  if (!state)
    throw new StartError(
      `supabase-local is not running on ${where.dataDir}: run \`supabase-local start\``,
    );
  console.log(json ? statusJson(state) : formatStatus(state));
}
