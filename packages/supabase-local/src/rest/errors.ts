// PostgREST's error shape and status rules. Every error body has exactly the four keys
// {code, details, hint, message}; PostgreSQL errors forward their SQLSTATE, DETAIL and HINT.

export type ErrorDetails = string | null | Record<string, unknown>[];

export class RestError extends Error {
  override name = "RestError";
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetails;
  readonly hint: string | null;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: string,
    message: string,
    details: ErrorDetails = null,
    hint: string | null = null,
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.hint = hint;
    this.headers = headers;
  }

  body(): string {
    return JSON.stringify({
      code: this.code,
      details: this.details,
      hint: this.hint,
      message: this.message,
    });
  }
}

/** PGRST100: a query-string parameter that does not parse. */
export function parseError(what: string, details: string): RestError {
  return new RestError(400, "PGRST100", `"failed to parse ${what}"`, details);
}

export function bodyError(message: string): RestError {
  return new RestError(400, "PGRST102", message);
}

export function rangeError(details: string, headers: Record<string, string> = {}): RestError {
  return new RestError(416, "PGRST103", "Requested range not satisfiable", details, null, headers);
}

/** What PostgreSQL would say for a column it does not know; we check before SQL runs. */
export function unknownColumn(relation: string, column: string): RestError {
  return new RestError(400, "42703", `column ${relation}.${column} does not exist`);
}

export function unknownPayloadColumn(relation: string, column: string): RestError {
  return new RestError(
    400,
    "PGRST204",
    `Could not find the '${column}' column of '${relation}' in the schema cache`,
  );
}

export function notEmbedded(name: string): RestError {
  return new RestError(
    400,
    "PGRST108",
    `'${name}' is not an embedded resource in this request`,
    null,
    `Verify that '${name}' is included in the 'select' query parameter.`,
  );
}

export function singularError(rows: number): RestError {
  return new RestError(
    406,
    "PGRST116",
    "JSON object requested, multiple (or no) rows returned",
    `The result contains ${rows} rows`,
  );
}
