// Input validation failures, flattened for forms: `fieldErrors` keyed by dotted path,
// `formErrors` for issues about the input as a whole. Works for zod errors and for any
// Standard Schema error tRPC raises.
export interface FieldErrors {
  formErrors: string[];
  fieldErrors: Record<string, string[]>;
}

interface IssueLike {
  message: string;
  path?: readonly (PropertyKey | { key: PropertyKey })[] | undefined;
}

function issuesOf(cause: unknown): IssueLike[] | null {
  if (typeof cause !== "object" || cause === null || !("issues" in cause)) return null;
  const { issues } = cause as { issues: unknown };
  return Array.isArray(issues) ? (issues as IssueLike[]) : null;
}

export function fieldErrorsFrom(cause: unknown): FieldErrors | null {
  const issues = issuesOf(cause);
  if (!issues) return null;
  const result: FieldErrors = { formErrors: [], fieldErrors: {} };
  for (const issue of issues) {
    const path = (issue.path ?? [])
      .map((part) => String(typeof part === "object" ? part.key : part))
      .join(".");
    if (path === "") {
      result.formErrors.push(issue.message);
    } else {
      const list = result.fieldErrors[path] ?? [];
      list.push(issue.message);
      result.fieldErrors[path] = list;
    }
  }
  return result;
}
