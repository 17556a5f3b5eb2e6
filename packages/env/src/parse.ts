// The one place that reads process.env. Each component declares the variables it needs as a zod
// object; a missing or malformed one stops start-up with a single line naming it and where to get it.
import type { z } from "zod";

export interface EnvVar<T extends z.ZodType> {
  schema: T;
  /** How to obtain the value, shown when it is missing or invalid. */
  hint: string;
}

export class EnvError extends Error {
  override name = "EnvError";
}

type Shape = Record<string, EnvVar<z.ZodType>>;
export type EnvOf<S extends Shape> = { [K in keyof S]: z.output<S[K]["schema"]> };

export function parseEnv<S extends Shape>(
  shape: S,
  source: Record<string, string | undefined> = process.env,
): EnvOf<S> {
  const out: Record<string, unknown> = {};
  for (const [name, { schema, hint }] of Object.entries(shape)) {
    const raw = source[name];
    const result = schema.safeParse(raw === "" ? undefined : raw);
    if (!result.success) {
      const problem = raw === undefined || raw === "" ? "is missing" : "is invalid";
      const detail = result.error.issues[0]?.message ?? "";
      throw new EnvError(
        `${name} ${problem}${problem === "is invalid" ? ` (${detail})` : ""}: ${hint}`,
      );
    }
    out[name] = result.data;
  }
  return out as EnvOf<S>;
}

/** Same as parseEnv, but prints the one-line reason and exits: for process entry points. */
export function loadEnvOrExit<S extends Shape>(shape: S, component: string): EnvOf<S> {
  try {
    return parseEnv(shape);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`✖ ${component}: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

export const LOCAL_HINT = "run `./docket supabase-local env` to write .env.local for local use";
