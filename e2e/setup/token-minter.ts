// Test-only: signs access tokens with the stack's own current key, so a flow can plant a token
// that is genuinely expired (valid signature, `exp` in the past) in the browser. Listens on
// loopback only and exists only inside the e2e run.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { RunningStack } from "@docket/supabase-local/testing";

export interface TokenMinter {
  url: string;
  close(): Promise<void>;
}

export async function startTokenMinter(stack: RunningStack): Promise<TokenMinter> {
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    req.on("end", async () => {
      try {
        const { claims, expiredSecondsAgo } = JSON.parse(body) as {
          claims: Record<string, unknown>;
          expiredSecondsAgo: number;
        };
        const now = Math.floor(Date.now() / 1000);
        const token = await stack.context.keys.signAccessToken({
          ...claims,
          iat: now - 3600 - expiredSecondsAgo,
          exp: now - expiredSecondsAgo,
        });
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ token }));
      } catch (error) {
        res.writeHead(400).end(String(error));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
