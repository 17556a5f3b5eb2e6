// The `Prefer` header (spec §8): comma-separated preferences, first of each kind wins.
import { RestError } from "../errors.ts";

export interface Preferences {
  return?: "minimal" | "headers-only" | "representation";
  count?: "exact" | "planned" | "estimated";
  resolution?: "merge-duplicates" | "ignore-duplicates";
  missing?: "default" | "null";
  handling?: "strict" | "lenient";
  maxAffected?: number;
  timezone?: string;
  tx?: "commit" | "rollback";
  params?: "single-object";
}

const allowed: Record<string, readonly string[]> = {
  return: ["minimal", "headers-only", "representation"],
  count: ["exact", "planned", "estimated"],
  resolution: ["merge-duplicates", "ignore-duplicates"],
  missing: ["default", "null"],
  handling: ["strict", "lenient"],
  tx: ["commit", "rollback"],
  params: ["single-object"],
};

export function parsePrefer(header: string | undefined): Preferences {
  const prefs: Record<string, string | number> = {};
  const invalid: string[] = [];
  for (const raw of (header ?? "").split(",")) {
    const token = raw.trim();
    if (!token) continue;
    const eq = token.indexOf("=");
    const name = eq < 0 ? token : token.slice(0, eq).trim();
    const value = eq < 0 ? "" : token.slice(eq + 1).trim();
    if (name in prefs) continue;
    if (allowed[name]?.includes(value)) prefs[name] = value;
    else if (name === "max-affected" && /^\d+$/.test(value)) prefs.maxAffected = Number(value);
    else if (name === "timezone" && value) prefs.timezone = value;
    else invalid.push(token);
  }
  const result = prefs as Preferences;
  if (result.handling === "strict" && invalid.length > 0) {
    throw new RestError(
      400,
      "PGRST122",
      "Invalid preferences given with handling=strict",
      `Invalid preferences: ${invalid.join(", ")}`,
    );
  }
  return result;
}

/** `Preference-Applied`, in PostgREST's order. */
export function preferenceApplied(applied: Preferences): string | undefined {
  const parts: string[] = [];
  if (applied.resolution) parts.push(`resolution=${applied.resolution}`);
  if (applied.missing) parts.push(`missing=${applied.missing}`);
  if (applied.return) parts.push(`return=${applied.return}`);
  if (applied.params) parts.push(`params=${applied.params}`);
  if (applied.count) parts.push(`count=${applied.count}`);
  if (applied.handling) parts.push(`handling=${applied.handling}`);
  if (applied.timezone) parts.push(`timezone=${applied.timezone}`);
  if (applied.maxAffected !== undefined) parts.push(`max-affected=${applied.maxAffected}`);
  return parts.length ? parts.join(", ") : undefined;
}
