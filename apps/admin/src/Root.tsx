import { AppProviders } from "@docket/ui/app";
import { App } from "./App.tsx";
import { queryClient } from "./lib/query-client.ts";
import { auth } from "./lib/supabase.ts";

export function Root() {
  return (
    <AppProviders queryClient={queryClient} auth={auth}>
      <App />
    </AppProviders>
  );
}
