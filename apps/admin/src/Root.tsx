import { ToastProvider } from "@docket/ui";
import { QueryClientProvider } from "@tanstack/react-query";
import { App } from "./App.tsx";
import { SessionProvider } from "./auth/SessionProvider.tsx";
import { queryClient } from "./lib/query-client.ts";

export function Root() {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <ToastProvider>
          <App />
        </ToastProvider>
      </SessionProvider>
    </QueryClientProvider>
  );
}
