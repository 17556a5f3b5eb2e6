// The closed set of background job kinds. Each name is `<entity>__<action>` and is also the
// graphile-worker task identifier, so the worker's task file for a kind carries the same name.
export const JOB_KINDS = [
  "document__process",
  "notification__send",
  "admin__reprocess_all",
  "maintenance__cleanup",
] as const;

export type JobKind = (typeof JOB_KINDS)[number];

export function isJobKind(value: string): value is JobKind {
  return (JOB_KINDS as readonly string[]).includes(value);
}
