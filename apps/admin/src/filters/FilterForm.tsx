import { Button, cn, Field, Input } from "@docket/ui";
import { type ReactNode, useState } from "react";

export interface FilterFormProps {
  /** The select filters; each applies as soon as it changes. */
  children: ReactNode;
  /** The one free-text filter, applied on Enter (not per key: each change is a query). */
  text: { label: string; hint: string; placeholder?: string; value: string | undefined };
  onText: (value: string | undefined) => void;
  onClear: () => void;
  /** More buttons beside "Clear". */
  actions?: ReactNode;
  /** Grid columns for lg screens: one per filter, then the buttons. */
  columns: string;
}

/** A list's filter bar: selects, one text box, and "Clear". */
export function FilterForm({ children, text, onText, onClear, actions, columns }: FilterFormProps) {
  const [draft, setDraft] = useState(text.value ?? "");
  return (
    <form
      className={cn("mb-4 grid gap-3 sm:grid-cols-2", columns)}
      onSubmit={(e) => {
        e.preventDefault();
        onText(draft.trim() || undefined);
      }}
    >
      {children}
      <Field label={text.label} hint={text.hint}>
        {(p) => (
          <Input
            {...p}
            value={draft}
            placeholder={text.placeholder}
            onChange={(e) => setDraft(e.target.value)}
          />
        )}
      </Field>
      <div className="flex items-start gap-2 pt-6">
        {actions}
        <Button
          variant="ghost"
          onClick={() => {
            setDraft("");
            onClear();
          }}
        >
          Clear
        </Button>
      </div>
    </form>
  );
}
