// Browser apps read only these, through Vite's import.meta.env (VITE_ prefix): URLs and the
// publishable key. The secret key must never be given a VITE_ name.
import { z } from "zod";

export const browserEnvSchema = z.object({
  VITE_SUPABASE_URL: z.string().url(),
  VITE_SUPABASE_PUBLISHABLE_KEY: z.string().startsWith("sb_publishable_").or(z.string().min(20)),
  VITE_API_URL: z.string().url(),
});

export type BrowserEnv = z.infer<typeof browserEnvSchema>;

export function parseBrowserEnv(source: Record<string, unknown>): BrowserEnv {
  const result = browserEnvSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(
      `${String(issue?.path[0])} is missing or invalid: run \`./docket supabase-local env\` and restart Vite`,
    );
  }
  return result.data;
}
