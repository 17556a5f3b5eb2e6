import type { Session } from "@supabase/auth-js";
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { queryClient } from "../lib/query-client.ts";
import { auth } from "../lib/supabase.ts";

export type SessionState =
  | { status: "loading" }
  | { status: "signed-out" }
  | { status: "signed-in"; session: Session };

const SessionContext = createContext<SessionState>({ status: "loading" });

/** Follows Auth's events: the session survives reloads and refreshes itself. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  useEffect(() => {
    const { data } = auth.onAuthStateChange((event, session) => {
      setState(session ? { status: "signed-in", session } : { status: "signed-out" });
      // Nothing cached for one person may be shown to the next.
      if (event === "SIGNED_OUT" || event === "SIGNED_IN") queryClient.clear();
    });
    return () => data.subscription.unsubscribe();
  }, []);

  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  return useContext(SessionContext);
}
