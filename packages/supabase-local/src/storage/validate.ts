// Request validation with the messages Storage's schema layer produces (`body must have required
// property 'prefix'`, `querystring/limit must be >= 1`, …). Numbers given as strings are coerced,
// as Storage does.
import { errors } from "./errors.ts";

type Where = "body" | "querystring";
type Bag = Record<string, unknown>;

const at = (where: Where, key: string) => `${where}/${key}`;

export function requiredString(bag: Bag, key: string, where: Where = "body"): string {
  const value = bag[key];
  if (value === undefined || value === null) {
    throw errors.validation(`${where} must have required property '${key}'`);
  }
  if (typeof value !== "string") throw errors.validation(`${at(where, key)} must be string`);
  return value;
}

export function optionalString(bag: Bag, key: string, where: Where = "body"): string | undefined {
  const value = bag[key];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw errors.validation(`${at(where, key)} must be string`);
  return value;
}

export function optionalInt(
  bag: Bag,
  key: string,
  min: number,
  where: Where = "body",
): number | undefined {
  const raw = bag[key];
  if (raw === undefined || raw === null || raw === "") return undefined;
  const value = typeof raw === "string" ? Number(raw) : raw;
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw errors.validation(`${at(where, key)} must be integer`);
  }
  if (value < min) throw errors.validation(`${at(where, key)} must be >= ${min}`);
  return value;
}

export function optionalEnum<T extends string>(
  bag: Bag,
  key: string,
  allowed: readonly T[],
  where: Where = "body",
): T | undefined {
  const value = bag[key];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw errors.validation(`${at(where, key)} must be equal to one of the allowed values`);
  }
  return value as T;
}

export function optionalBoolean(bag: Bag, key: string, where: Where = "body"): boolean | undefined {
  const value = bag[key];
  if (value === undefined) return undefined;
  if (value === "true") return true;
  if (value === "false") return false;
  if (typeof value !== "boolean") throw errors.validation(`${at(where, key)} must be boolean`);
  return value;
}

export function stringArray(
  bag: Bag,
  key: string,
  minItems: number,
  where: Where = "body",
): string[] {
  const value = bag[key];
  if (value === undefined) throw errors.validation(`${where} must have required property '${key}'`);
  if (!Array.isArray(value)) throw errors.validation(`${at(where, key)} must be array`);
  value.forEach((item, index) => {
    if (typeof item !== "string")
      throw errors.validation(`${at(where, key)}/${index} must be string`);
  });
  if (value.length < minItems) {
    throw errors.validation(`${at(where, key)} must NOT have fewer than ${minItems} items`);
  }
  return value as string[];
}

export function queryBag(url: URL): Bag {
  return Object.fromEntries(url.searchParams.entries());
}
