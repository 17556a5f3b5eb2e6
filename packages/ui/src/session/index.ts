export {
  SessionProvider,
  type SessionProviderProps,
  type SessionState,
  useSession,
} from "./SessionProvider.tsx";
