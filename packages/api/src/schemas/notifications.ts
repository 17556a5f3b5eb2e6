import { z } from "zod";
import { id, pagination } from "./common.ts";

export const listNotificationsInput = z.object({
  unreadOnly: z.boolean().default(false),
  ...pagination,
});

export const markReadInput = z.union([
  z.object({ ids: z.array(id).min(1).max(100) }),
  z.object({ all: z.literal(true) }),
]);
