import { z } from "zod";
import { id, searchTerm } from "./common.ts";

export const listUsersInput = z.object({
  search: searchTerm,
  page: z.number().int().min(1).max(10_000).default(1),
  perPage: z.number().int().min(1).max(100).default(20),
});

export const userIdInput = z.object({ userId: id });

export const banUserInput = z.object({
  userId: id,
  /** How long the ban lasts; up to 100 years, which is "for good". */
  hours: z.number().int().min(1).max(876_000),
});
