// Identifier quoting and bound parameters. Names reaching SQL come from the schema cache (or are
// output aliases) and are always double-quoted; every value from the request is a $n parameter.

export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function qualified(schema: string, name: string): string {
  return `${ident(schema)}.${ident(name)}`;
}

/** Collects bound values; `add` returns the placeholder, optionally with a cast. */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}

export interface Statement {
  text: string;
  values: unknown[];
}
