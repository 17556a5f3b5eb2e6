import type { AuthChangeEvent, GoTrueClient, Session } from "@supabase/auth-js";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useRef } from "react";
import { SessionProvider } from "../session/SessionProvider.tsx";
import { ToastProvider } from "../Toast.tsx";

export interface AppProvidersProps {
  queryClient: QueryClient;
  auth: GoTrueClient;
  /** Every Auth event, after the cache was cleared for a change of user. */
  onAuthEvent?: (event: AuthChangeEvent) => void;
  children: ReactNode;
}

/** Server state, the session and toasts, around every screen of an app. */
export function AppProviders({ queryClient, auth, onAuthEvent, children }: AppProvidersProps) {
  // undefined until Auth has told who is signed in (null: nobody).
  const userId = useRef<string | null | undefined>(undefined);

  function onEvent(event: AuthChangeEvent, session: Session | null) {
    const next = session?.user.id ?? null;
    // Nothing cached for one person may be shown to the next (a sign-out, or another account
    // signed in from another tab). Auth also says SIGNED_IN whenever the tab becomes visible
    // again: the same person keeps their cache.
    if (userId.current !== undefined && next !== userId.current) queryClient.clear();
    userId.current = next;
    onAuthEvent?.(event);
  }

  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider auth={auth} onAuthEvent={onEvent}>
        <ToastProvider>{children}</ToastProvider>
      </SessionProvider>
    </QueryClientProvider>
  );
}
