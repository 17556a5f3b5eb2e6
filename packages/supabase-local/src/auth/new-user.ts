// Creating an e-mail user in GoTrue's write order (spec §2.2), so `after insert` triggers on
// auth.users see raw_user_meta_data exactly as the app sent it. Runs inside the caller's transaction.

import { randomUUID } from "node:crypto";
import { audit } from "./audit.ts";
import type { Db } from "./db.ts";
import { insertIdentity, insertUser } from "./users-repo.ts";

export interface EmailUserInput {
  email: string;
  encryptedPassword: string;
  data: Record<string, unknown>;
  aud: string;
  role?: string;
  appMetadata?: Record<string, unknown>;
  id?: string;
  /** Sign-up copies the identity data into user_metadata; the admin API does not. */
  copyIdentityData?: boolean;
}

export async function createEmailUser(db: Db, input: EmailUserInput): Promise<string> {
  const id = input.id ?? randomUUID();
  const appMetadata = { provider: "email", providers: ["email"] };
  await insertUser(db, {
    id,
    email: input.email,
    encryptedPassword: input.encryptedPassword,
    userMetadata: input.data,
    appMetadata,
    aud: input.aud,
  });
  await db.query("update auth.users set role = $2 where id = $1", [
    id,
    input.role ?? "authenticated",
  ]);
  const identityData = {
    sub: id,
    email: input.email,
    email_verified: false,
    phone_verified: false,
  };
  await insertIdentity(db, { providerId: id, userId: id, provider: "email", data: identityData });
  // Identity data is merged over the submitted data: `data` cannot override these four keys.
  const copied = input.copyIdentityData === false ? {} : identityData;
  await db.query(
    `update auth.users set raw_user_meta_data = coalesce(raw_user_meta_data, '{}'::jsonb) || $2::jsonb,
       raw_app_meta_data = $3::jsonb || $4::jsonb, updated_at = now() where id = $1`,
    [id, copied, appMetadata, input.appMetadata ?? {}],
  );
  await audit(db, id, "user_signedup", { provider: "email" });
  return id;
}

/** Marks the e-mail as verified on the user and on its e-mail identity. */
export async function confirmEmail(db: Db, userId: string): Promise<void> {
  await db.query(
    `update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()),
       raw_user_meta_data = coalesce(raw_user_meta_data, '{}'::jsonb) || '{"email_verified": true}'::jsonb,
       updated_at = now()
     where id = $1`,
    [userId],
  );
  await db.query(
    `update auth.identities set identity_data = identity_data || '{"email_verified": true}'::jsonb, updated_at = now()
     where user_id = $1 and provider = 'email'`,
    [userId],
  );
}
