// The verified identity handed to the API. Field names follow the Supabase access token so the
// shape is the one Supabase documents; unknown claims are dropped.
import { z } from "zod";

const metadata = z.record(z.string(), z.unknown());

export const accessClaimsSchema = z.object({
  /** The user id (auth.users.id). */
  sub: z.uuid(),
  role: z.string().min(1),
  email: z.string().optional(),
  phone: z.string().optional(),
  aud: z.union([z.string(), z.array(z.string())]),
  iss: z.string(),
  exp: z.number(),
  iat: z.number().optional(),
  session_id: z.string().optional(),
  is_anonymous: z.boolean().optional(),
  aal: z.string().optional(),
  app_metadata: metadata.optional(),
  user_metadata: metadata.optional(),
});

export type AccessClaims = z.infer<typeof accessClaimsSchema>;
