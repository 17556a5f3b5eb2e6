import { AppProviders } from "@docket/ui/app";
import { navigate } from "@docket/ui/router";
import { App } from "./App.tsx";
import { queryClient } from "./lib/query-client.ts";
import { auth } from "./lib/supabase.ts";

export function Root() {
  return (
    <AppProviders
      queryClient={queryClient}
      auth={auth}
      onAuthEvent={(event) => {
        // The recovery e-mail's link signs the user in to choose a new password.
        if (event === "PASSWORD_RECOVERY") navigate("/update-password", { replace: true });
      }}
    >
      <App />
    </AppProviders>
  );
}
