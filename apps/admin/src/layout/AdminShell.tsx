import { Button, Shell } from "@docket/ui";
import type { ReactNode } from "react";
import { auth } from "../lib/supabase.ts";

const nav = [
  { to: "/", label: "Overview" },
  { to: "/users", label: "Users" },
  { to: "/jobs", label: "Jobs" },
  { to: "/system", label: "System" },
  { to: "/audit", label: "Audit log" },
];

/** The frame of every dashboard screen: dark, so it is never mistaken for the user app. */
export function AdminShell({ email, children }: { email: string; children: ReactNode }) {
  return (
    <Shell
      brand={
        <>
          Docket <span className="font-normal text-slate-300">Admin</span>
        </>
      }
      home="/"
      nav={nav}
      tone="dark"
      wide
      aside={
        <>
          <span className="hidden text-slate-300 md:inline">{email}</span>
          <Button variant="secondary" size="sm" onClick={() => void auth.signOut()}>
            Sign out
          </Button>
        </>
      }
    >
      {children}
    </Shell>
  );
}
