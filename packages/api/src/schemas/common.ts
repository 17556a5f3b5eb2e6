import { z } from "zod";

export const id = z.uuid();

/** Offset pagination shared by every list: small pages, bounded offsets. */
export const pagination = {
  limit: z.number().int().min(1).max(100).default(20),
  offset: z.number().int().min(0).max(100_000).default(0),
};

/** A free-text search term; trimmed, and empty means "no search". */
export const searchTerm = z
  .string()
  .max(200)
  .transform((value) => value.trim())
  .optional();

export const isoDateTime = z.iso.datetime({ offset: true });
