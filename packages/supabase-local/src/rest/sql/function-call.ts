// Finding the function an RPC means (spec §12.1) and the SQL that calls it: arguments arrive as
// one JSON object converted by json_to_record into the parameter types from the catalog.
import { RestError } from "../errors.ts";
import type { DbFunction, SchemaCache } from "../schema-cache/types.ts";
import { ident, type Params, qualified } from "./text.ts";

export function findFunction(
  cache: SchemaCache,
  schema: string,
  name: string,
  keys: string[],
): DbFunction {
  const overloads = cache.functions(schema, name);
  const matches = overloads.filter((f) => {
    const names = new Set(f.params.map((p) => p.name));
    return (
      keys.every((k) => names.has(k)) &&
      f.params.every((p) => p.hasDefault || p.variadic || keys.includes(p.name))
    );
  });
  if (matches.length === 0) {
    const single = overloads.find(
      (f) =>
        f.params.length === 1 && !f.params[0]?.name && /^jsonb?$/.test(f.params[0]?.type ?? ""),
    );
    if (single) return single;
  }
  if (matches.length === 1) return matches[0] as DbFunction;
  if (matches.length > 1) {
    throw new RestError(
      300,
      "PGRST203",
      `Could not choose the best candidate function between: ${matches
        .map(
          (f) => `${schema}.${name}(${f.params.map((p) => `${p.name} => ${p.type}`).join(", ")})`,
        )
        .join(", ")}`,
      null,
      "Try renaming the parameters or the function itself in the database so function overloading can be resolved",
    );
  }
  const sorted = [...keys].sort();
  const near = cache.allFunctionNames(schema).find((n) => n.toLowerCase() === name.toLowerCase());
  throw new RestError(
    404,
    "PGRST202",
    sorted.length
      ? `Could not find the function ${schema}.${name}(${sorted.join(", ")}) in the schema cache`
      : `Could not find the function ${schema}.${name} without parameters in the schema cache`,
    sorted.length
      ? `Searched for the function ${schema}.${name} with parameter(s) ${sorted.join(", ")} or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`
      : `Searched for the function ${schema}.${name} without parameters or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`,
    near && near !== name ? `Perhaps you meant to call the function ${schema}.${near}` : null,
  );
}

/** `FROM`-able pieces of the call: the args record (if any) and the call expression. */
export function callSql(
  fn: DbFunction,
  keys: string[],
  argsJson: string,
  params: Params,
): { argsFrom: string; call: string } {
  const target = qualified(fn.schema, fn.name);
  if (fn.params.length === 1 && !fn.params[0]?.name) {
    return { argsFrom: "", call: `${target}(${params.add(argsJson)}::${fn.params[0]?.type})` };
  }
  const used = fn.params.filter((p) => keys.includes(p.name));
  if (used.length === 0) return { argsFrom: "", call: `${target}()` };
  const defs = used.map((p) => `${ident(p.name)} ${p.type}`).join(", ");
  const args = used
    .map((p) => `${p.variadic ? "VARIADIC " : ""}${ident(p.name)} := "pgrst_args".${ident(p.name)}`)
    .join(", ");
  return {
    argsFrom: `json_to_record(${params.add(argsJson)}::json) AS "pgrst_args"(${defs})`,
    call: `${target}(${args})`,
  };
}
