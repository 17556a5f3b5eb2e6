import type { ReactNode } from "react";
import { Alert } from "./Alert.tsx";
import { Button } from "./Button.tsx";

export interface SubmitFormProps {
  onSubmit: () => void;
  submitLabel: ReactNode;
  pending: boolean;
  error: string | null;
  /** The fields. */
  children: ReactNode;
  /** Below the submit button, e.g. a "Forgot your password?" link. */
  after?: ReactNode;
}

/**
 * A form whose fields are checked in code, not by the browser (`noValidate`: its bubbles are not
 * announced consistently): the fields, the error of the last attempt, the submit button.
 */
export function SubmitForm({
  onSubmit,
  submitLabel,
  pending,
  error,
  children,
  after,
}: SubmitFormProps) {
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      className="flex flex-col gap-4"
      noValidate
    >
      {children}
      {error && <Alert>{error}</Alert>}
      <Button type="submit" loading={pending}>
        {submitLabel}
      </Button>
      {after}
    </form>
  );
}
