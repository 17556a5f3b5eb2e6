import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import type { ClientInfo } from "./sessions.ts";

/** What GoTrue records on a session: the user agent and the caller's address (inet column,
 * so a malformed X-Forwarded-For is ignored rather than failing the sign-in). */
export function clientInfo(req: IncomingMessage): ClientInfo {
  const forwarded =
    String(req.headers["x-forwarded-for"] ?? "")
      .split(",")[0]
      ?.trim() ?? "";
  const userAgent = req.headers["user-agent"];
  const ip = isIP(forwarded) ? forwarded : (req.socket.remoteAddress ?? "");
  return {
    userAgent: typeof userAgent === "string" ? userAgent : null,
    ip: isIP(ip) ? ip : null,
  };
}
