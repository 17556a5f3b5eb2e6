// What the middlewares share about a request through `res.locals`.
import type { TokenErrorReason } from "@docket/auth";

declare global {
  namespace Express {
    interface Locals {
      requestId: string;
      /** Verified user id, once the token was checked. */
      userId?: string;
      /** Why a presented token was refused; logged, never sent. */
      authFailure?: TokenErrorReason;
    }
  }
}
