// Every procedure of the real appRouter, read from the router itself, so a procedure added later
// is covered by the "every procedure" tests without anyone updating a list.
import { appRouter } from "@docket/api";

export interface ProcedureInfo {
  path: string;
  type: "query" | "mutation";
  /** Under admin.* — needs the admin role. */
  admin: boolean;
  /** Declares an input parser (procedures without one ignore what is sent). */
  hasInput: boolean;
}

export function allProcedures(): ProcedureInfo[] {
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: string; inputs: unknown[] } }
  >;
  return Object.entries(procedures)
    .filter(([, p]) => p._def.type === "query" || p._def.type === "mutation")
    .map(([path, p]) => ({
      path,
      type: p._def.type as "query" | "mutation",
      admin: path.startsWith("admin."),
      hasInput: p._def.inputs.length > 0,
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
