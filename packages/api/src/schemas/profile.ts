import { z } from "zod";

export const updateProfileInput = z.object({
  displayName: z.string().trim().min(1, "Enter a name").max(100),
});
