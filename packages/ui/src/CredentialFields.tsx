import { Field } from "./Field.tsx";
import { Input } from "./Input.tsx";

interface TextFieldProps {
  value: string;
  onChange: (value: string) => void;
}

export function EmailField({ value, onChange }: TextFieldProps) {
  return (
    <Field label="E-mail">
      {(p) => (
        <Input
          {...p}
          type="email"
          autoComplete="email"
          required
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export interface PasswordFieldProps extends TextFieldProps {
  label?: string;
  /** "new-password" lets password managers offer a generated one. */
  autoComplete?: "current-password" | "new-password";
  hint?: string;
  error?: string | undefined;
}

export function PasswordField({
  label = "Password",
  autoComplete = "current-password",
  hint,
  error,
  value,
  onChange,
}: PasswordFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(p) => (
        <Input
          {...p}
          type="password"
          autoComplete={autoComplete}
          required
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
