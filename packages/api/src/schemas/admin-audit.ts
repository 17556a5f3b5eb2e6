import { z } from "zod";
import { id, isoDateTime, pagination } from "./common.ts";

export const listAuditInput = z.object({
  actorId: id.optional(),
  action: z.string().trim().min(1).max(100).optional(),
  targetType: z.string().trim().min(1).max(50).optional(),
  targetId: z.string().trim().min(1).max(200).optional(),
  since: isoDateTime.optional(),
  until: isoDateTime.optional(),
  ...pagination,
});
