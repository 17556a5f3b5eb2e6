import { type StackInfo, stackInfo } from "../stack/types.ts";

/** `supabase status` style: one aligned line per value. */
export function formatStatus(info: StackInfo & { smtpUrl?: string | undefined }): string {
  const rows: Array<[string, string]> = [
    ["API URL", info.apiUrl],
    ["DB URL", info.dbUrl],
    ["Mailbox URL", info.mailboxUrl],
    ...(info.smtpUrl ? [["SMTP URL", info.smtpUrl] as [string, string]] : []),
    ["Publishable key", info.publishableKey],
    ["Secret key", info.secretKey],
    ["JWT secret", info.jwtSecret],
    ["anon key", info.anonKey],
    ["service_role key", info.serviceRoleKey],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padStart(width)}: ${value}`).join("\n");
}

/** The fields of `status --json`, in a fixed order. */
export function statusJson(info: StackInfo): string {
  return JSON.stringify(stackInfo(info), null, 2);
}
