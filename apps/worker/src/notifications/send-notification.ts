import { createHash } from "node:crypto";
import type { NotificationSendPayload } from "@docket/jobs";
import type { WorkerDeps } from "../deps.ts";
import { PermanentJobError } from "../tracking/errors.ts";

/**
 * A stable notification id from the graphile-worker job key (or id): a retried or re-run send
 * upserts the same row instead of showing the user the notice twice.
 */
export function notificationId(dedupeKey: string): string {
  const hex = createHash("sha256").update(`notification:${dedupeKey}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface SendResult {
  notificationId: string;
  emailedTo: string | null;
}

/** Writes the in-app notification, then (if asked) e-mails it to the user's address. */
export async function sendNotification(
  deps: WorkerDeps,
  payload: NotificationSendPayload,
  dedupeKey: string,
): Promise<SendResult> {
  const id = notificationId(dedupeKey);
  const { error } = await deps.supabase.from("notifications").upsert(
    {
      id,
      user_id: payload.userId,
      kind: payload.kind,
      title: payload.title,
      body: payload.body,
      link: payload.link ?? null,
    },
    { onConflict: "id", ignoreDuplicates: true },
  );
  if (error) {
    // 23503: the user was deleted meanwhile; nobody is left to notify.
    if (error.code === "23503") throw new PermanentJobError("The user no longer exists");
    throw new Error(`Could not save the notification: ${error.message}`);
  }
  if (payload.email === false) return { notificationId: id, emailedTo: null };

  const { data: profile, error: profileError } = await deps.supabase
    .from("profiles")
    .select("email")
    .eq("id", payload.userId)
    .maybeSingle();
  if (profileError) throw new Error(`Could not read the user's e-mail: ${profileError.message}`);
  const to = profile?.email;
  if (!to) return { notificationId: id, emailedTo: null };
  const text = payload.link ? `${payload.body}\n\n${payload.link}\n` : `${payload.body}\n`;
  await deps.mailer.send({ to, subject: payload.title, text });
  return { notificationId: id, emailedTo: to };
}
