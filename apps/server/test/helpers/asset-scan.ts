// Looks through built browser assets for anything that would hand out server rights: an
// sb_secret_ key, the name of the secret variable, a known secret value, or a JWT whose payload
// claims the service_role.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const SECRET_KEY = /sb_secret_[A-Za-z0-9_-]{8,}/;
const JWT = /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+/g;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** One line per problem found ("<file>: <what>"); empty when the assets are clean. */
export function findSecretsInAssets(dir: string, knownSecrets: readonly string[] = []): string[] {
  const problems: string[] = [];
  for (const file of filesUnder(dir)) {
    const text = readFileSync(file, "latin1");
    if (SECRET_KEY.test(text)) problems.push(`${file}: an sb_secret_ key`);
    if (text.includes("SUPABASE_SECRET_KEY"))
      problems.push(`${file}: the secret key's variable name`);
    for (const secret of knownSecrets) {
      if (secret && text.includes(secret)) problems.push(`${file}: a configured secret value`);
    }
    for (const token of text.match(JWT) ?? []) {
      const payload = Buffer.from(token.split(".")[1] ?? "", "base64url").toString();
      if (payload.includes("service_role")) problems.push(`${file}: a service_role JWT`);
    }
  }
  return problems;
}
