import type { AuthChangeEvent, GoTrueClient, Session } from "@supabase/auth-js";
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from "react";

export type SessionState =
  | { status: "loading" }
  | { status: "signed-out" }
  | { status: "signed-in"; session: Session };

const SessionContext = createContext<SessionState>({ status: "loading" });

export interface SessionProviderProps {
  auth: GoTrueClient;
  /** Each Auth event, e.g. to drop one user's cached data before the next one signs in. */
  onAuthEvent?: (event: AuthChangeEvent, session: Session | null) => void;
  children: ReactNode;
}

/** Follows Auth's events: the session survives reloads and refreshes itself. */
export function SessionProvider({ auth, onAuthEvent, children }: SessionProviderProps) {
  const [state, setState] = useState<SessionState>({ status: "loading" });
  // The latest handler, without subscribing again when a parent re-renders.
  const handler = useRef(onAuthEvent);
  handler.current = onAuthEvent;

  useEffect(() => {
    const { data } = auth.onAuthStateChange((event, session) => {
      setState(session ? { status: "signed-in", session } : { status: "signed-out" });
      handler.current?.(event, session);
    });
    return () => data.subscription.unsubscribe();
  }, [auth]);

  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  return useContext(SessionContext);
}
