// Every procedure of the real appRouter, read from the router itself, so a procedure added later
// is covered by the "every procedure" tests without anyone updating a list.
import { appRouter } from "@docket/api";

export interface ProcedureInfo {
  path: string;
  type: "query" | "mutation";
  /** Under admin.* — needs the admin role. */
  admin: boolean;
}

export function allProcedures(): ProcedureInfo[] {
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: string } }
  >;
  return Object.entries(procedures)
    .filter(([, p]) => p._def.type === "query" || p._def.type === "mutation")
    .map(([path, p]) => ({
      path,
      type: p._def.type as "query" | "mutation",
      admin: path.startsWith("admin."),
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
