import type { IncomingMessage, ServerResponse } from "node:http";

/** One request as the gateway hands it to a service (Auth, Data API, Storage). */
export interface ServiceRequest {
  req: IncomingMessage;
  res: ServerResponse;
  /** Path below the service prefix, always starting with "/": `/auth/v1/token` → `/token`. */
  path: string;
  /** Parsed request URL (query string in `url.searchParams`). */
  url: URL;
  /** `Authorization` after the gateway's rewrite (spec auth §7.2): a user JWT, a legacy
   * anon/service_role JWT minted for the publishable/secret key, or null. Services verify it. */
  authorization: string | null;
}

export interface Service {
  handle(request: ServiceRequest): Promise<void>;
  /** Release timers and pools-held resources; the pools themselves are closed by the stack. */
  close?(): Promise<void>;
}
