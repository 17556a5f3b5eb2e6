// The admin overview as admin_overview() returns it, checked on the way in: the function
// returns jsonb, so the generated types only say "Json".
import { z } from "zod";

const counts = z.record(z.string(), z.number().int());

export const overviewSchema = z.object({
  users: z.number().int(),
  documents: z.number().int(),
  documentsByStatus: counts,
  jobsByStatus: counts,
  failedLast24h: z.number().int(),
  /** Null until graphile-worker's schema is installed. */
  queue: z
    .object({
      pending: z.number().int(),
      due: z.number().int(),
      locked: z.number().int(),
      exhausted: z.number().int(),
    })
    .nullable(),
});

export type AdminOverview = z.infer<typeof overviewSchema>;
