// Who an OAuth sign-in belongs to: the user already holding this provider identity, else the user
// with the same verified e-mail (the identity is linked), else a new user — in GoTrue's write order.

import { randomUUID } from "node:crypto";
import { audit } from "../audit.ts";
import type { Db } from "../db.ts";
import { AuthError } from "../errors.ts";
import { hashPassword, randomPassword } from "../passwords.ts";
import type { AuthSettings } from "../settings.ts";
import { findIdentity, findUserByEmail, insertIdentity, insertUser } from "../users-repo.ts";
import type { ProviderProfile } from "./providers.ts";

async function addProvider(db: Db, userId: string, provider: string): Promise<void> {
  await db.query(
    `update auth.users set raw_app_meta_data = jsonb_set(coalesce(raw_app_meta_data, '{}'::jsonb), '{providers}',
       (select coalesce(jsonb_agg(distinct p), '[]'::jsonb) from jsonb_array_elements_text(
          coalesce(raw_app_meta_data -> 'providers', '[]'::jsonb) || to_jsonb($2::text)) as p)),
       updated_at = now()
     where id = $1`,
    [userId, provider],
  );
}

export async function userForProfile(
  db: Db,
  settings: AuthSettings,
  provider: string,
  profile: ProviderProfile,
): Promise<string> {
  const email = profile.email?.toLowerCase() ?? null;
  const identity = await findIdentity(db, provider, profile.sub);
  if (identity) {
    await db.query(
      "update auth.identities set identity_data = $2, last_sign_in_at = now(), updated_at = now() where id = $1",
      [identity.id, profile.claims],
    );
    return identity.user_id;
  }
  const existing = email && profile.emailVerified ? await findUserByEmail(db, email, true) : null;
  if (existing) {
    await insertIdentity(db, {
      providerId: profile.sub,
      userId: existing.id,
      provider,
      data: profile.claims,
    });
    await addProvider(db, existing.id, provider);
    if (!existing.email_confirmed_at) {
      await db.query("update auth.users set email_confirmed_at = now() where id = $1", [
        existing.id,
      ]);
    }
    return existing.id;
  }
  if (!settings.signupEnabled)
    throw new AuthError(422, "signup_disabled", "Signups not allowed for this instance");
  if (email && (await findUserByEmail(db, email))) {
    throw new AuthError(
      422,
      "email_exists",
      "A user with this email address has already been registered",
    );
  }
  const id = randomUUID();
  await insertUser(db, {
    id,
    email,
    encryptedPassword: await hashPassword(randomPassword()),
    userMetadata: profile.claims,
    appMetadata: { provider, providers: [provider] },
    aud: settings.audience,
  });
  await db.query("update auth.users set role = 'authenticated' where id = $1", [id]);
  await insertIdentity(db, { providerId: profile.sub, userId: id, provider, data: profile.claims });
  await audit(db, id, "user_signedup", { provider });
  if (email && profile.emailVerified) {
    await db.query("update auth.users set email_confirmed_at = now() where id = $1", [id]);
  }
  return id;
}
