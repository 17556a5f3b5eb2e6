import { Button, Shell } from "@docket/ui";
import type { ReactNode } from "react";
import { auth } from "../lib/supabase.ts";
import { UnreadCount } from "./UnreadCount.tsx";

const nav = [
  { to: "/documents", label: "Documents" },
  { to: "/notifications", label: "Notifications", badge: <UnreadCount /> },
  { to: "/profile", label: "Profile" },
];

/** The frame of every signed-in screen. */
export function AppShell({ children }: { children: ReactNode }) {
  return (
    <Shell
      brand="Docket"
      home="/documents"
      nav={nav}
      aside={
        <Button variant="ghost" size="sm" onClick={() => void auth.signOut()}>
          Sign out
        </Button>
      }
    >
      {children}
    </Shell>
  );
}
