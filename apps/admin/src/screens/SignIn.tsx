import { AuthCard, EmailField, PasswordField, SubmitForm, useSubmit } from "@docket/ui";
import { describeAuthError } from "@docket/ui/auth";
import { useState } from "react";
import { auth } from "../lib/supabase.ts";

/** E-mail + password only: staff accounts are made by hand, so there is no sign-up here. */
export function SignIn() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { pending, error, run } = useSubmit();

  function submit() {
    void run(async () => {
      const { error } = await auth.signInWithPassword({ email, password });
      return error ? describeAuthError(error) : null;
    });
  }

  return (
    <AuthCard brand="Docket Admin" title="Sign in">
      <SubmitForm onSubmit={submit} submitLabel="Sign in" pending={pending} error={error}>
        <EmailField value={email} onChange={setEmail} />
        <PasswordField value={password} onChange={setPassword} />
      </SubmitForm>
    </AuthCard>
  );
}
