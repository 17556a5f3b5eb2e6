import type { z } from "zod";
import { isJobKind, type JobKind } from "./kinds.ts";
import { type JobPayload, jobPayloadSchemas } from "./payloads.ts";

/**
 * A payload that can never succeed, however often it is retried. Tasks throw it so the worker
 * can mark the job failed at once instead of burning through its attempts.
 */
export class InvalidJobPayloadError extends Error {
  readonly kind: string;
  readonly issues: readonly z.core.$ZodIssue[];

  constructor(kind: string, issues: readonly z.core.$ZodIssue[], message?: string) {
    super(message ?? `Invalid payload for job kind "${kind}": ${summarize(issues)}`);
    this.name = "InvalidJobPayloadError";
    this.kind = kind;
    this.issues = issues;
  }
}

function summarize(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
}

/** Validates a raw payload for `kind`, returning it typed or throwing InvalidJobPayloadError. */
export function parseJobPayload<K extends JobKind>(kind: K, raw: unknown): JobPayload<K> {
  const result = jobPayloadSchemas[kind].safeParse(raw);
  if (!result.success) throw new InvalidJobPayloadError(kind, result.error.issues);
  return result.data as JobPayload<K>;
}

/** Like parseJobPayload, for a task identifier that arrives as a plain string. */
export function parseAnyJobPayload(kind: string, raw: unknown): JobPayload<JobKind> {
  if (!isJobKind(kind)) throw new InvalidJobPayloadError(kind, [], `Unknown job kind "${kind}"`);
  return parseJobPayload(kind, raw);
}
