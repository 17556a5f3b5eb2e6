// POST /logout?scope=global|local|others (spec §2.9): deletes session rows; tokens cascade.
import { audit } from "../audit.ts";
import { withTx } from "../db.ts";
import type { Handler } from "../deps.ts";
import { AuthError } from "../errors.ts";
import { readJsonObject } from "../json-body.ts";
import { requireUser } from "../require-user.ts";
import { deleteSessions } from "../sessions.ts";

export const logout: Handler = async (deps, request) => {
  const scope = request.url.searchParams.get("scope") ?? "";
  if (!["", "global", "local", "others"].includes(scope)) {
    throw new AuthError(400, "validation_failed", `Unsupported logout scope "${scope}"`);
  }
  await readJsonObject(request.req);
  await withTx(deps.pool, async (db) => {
    const { user, sessionId } = await requireUser(deps, db, request.authorization);
    await audit(db, user.id, "logout", { scope: scope || "global" }, request.client.ip);
    if (scope === "local") {
      if (sessionId) await deleteSessions(db, user.id, { only: sessionId });
    } else if (scope === "others") {
      if (sessionId) await deleteSessions(db, user.id, { except: sessionId });
    } else {
      await deleteSessions(db, user.id);
    }
  });
  request.res.writeHead(204).end();
};
