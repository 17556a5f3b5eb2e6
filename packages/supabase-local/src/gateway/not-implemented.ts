import type { Service } from "./service.ts";

/** Placeholder for a service that is not built yet: a clear JSON 501. */
export function notImplemented(name: string): Service {
  return {
    async handle({ res }) {
      res.writeHead(501, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ code: 501, message: `${name} is not available in supabase-local yet` }),
      );
    },
  };
}
