// The `Range: a-b` request header (GET only, spec §6.1). Malformed values are ignored.
import { rangeError } from "../errors.ts";

export interface RowRange {
  offset: number;
  limit?: number;
}

export function parseRangeHeader(header: string | undefined): RowRange | undefined {
  if (!header) return undefined;
  const m = /^(\d+)-(\d*)$/.exec(header.trim());
  if (!m) return undefined;
  const lower = Number(m[1]);
  if (!m[2]) return { offset: lower };
  const upper = Number(m[2]);
  if (lower > upper) {
    throw rangeError(
      "The lower boundary must be lower than or equal to the upper boundary in the Range header.",
    );
  }
  return { offset: lower, limit: upper - lower + 1 };
}
