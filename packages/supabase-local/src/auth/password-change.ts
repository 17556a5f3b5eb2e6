// Setting a new password (PUT /user): policy, "same password" check, and every other session
// of the user signed out — a stolen refresh token stops working once the password changes.
import type { Db } from "./db.ts";
import type { AuthDeps } from "./deps.ts";
import { AuthError } from "./errors.ts";
import { assertAcceptablePassword, hashPassword, verifyPassword } from "./passwords.ts";
import { deleteSessions } from "./sessions.ts";
import type { UserRow } from "./users-repo.ts";

export async function changePassword(
  deps: AuthDeps,
  db: Db,
  user: UserRow,
  password: string,
  options: { keepSession: string | null },
): Promise<void> {
  assertAcceptablePassword(password, deps.settings, "Password cannot be empty");
  if (user.encrypted_password && (await verifyPassword(password, user.encrypted_password))) {
    throw new AuthError(
      422,
      "same_password",
      "New password should be different from the old password.",
    );
  }
  await db.query(
    "update auth.users set encrypted_password = $2, updated_at = now() where id = $1",
    [user.id, await hashPassword(password)],
  );
  if (options.keepSession) await deleteSessions(db, user.id, { except: options.keepSession });
  else await deleteSessions(db, user.id);
}
