import { useQueries } from "@tanstack/react-query";
import { trpc } from "../lib/trpc.ts";

/** E-mails of the (few) admins on a page of the audit log, looked up once each and cached. */
export function useActorEmails(actorIds: string[]): Map<string, string> {
  const unique = [...new Set(actorIds)];
  const results = useQueries({
    queries: unique.map((userId) => ({
      ...trpc.admin.users.get.queryOptions({ userId }),
      staleTime: 5 * 60_000,
    })),
  });
  const emails = new Map<string, string>();
  results.forEach((result, i) => {
    const id = unique[i];
    const email = result.data?.user?.email;
    if (id && email) emails.set(id, email);
  });
  return emails;
}
