import { Field, Select } from "@docket/ui";

export interface SelectFilterProps<T extends string> {
  label: string;
  /** The empty choice, e.g. "Any status". */
  anyLabel: string;
  options: readonly T[] | Readonly<Record<T, string>>;
  value: T | undefined;
  onChange: (value: T | undefined) => void;
}

/** One filter of a list: a labelled select whose empty choice means "no filter". */
export function SelectFilter<T extends string>({
  label,
  anyLabel,
  options,
  value,
  onChange,
}: SelectFilterProps<T>) {
  // A list shows each value as it is; a record gives each value its words.
  const entries: [T, string][] = Array.isArray(options)
    ? options.map((o: T) => [o, o])
    : (Object.entries(options) as [T, string][]);
  return (
    <Field label={label}>
      {(p) => (
        <Select
          {...p}
          value={value ?? ""}
          onChange={(e) => onChange(entries.find(([v]) => v === e.target.value)?.[0])}
        >
          <option value="">{anyLabel}</option>
          {entries.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
