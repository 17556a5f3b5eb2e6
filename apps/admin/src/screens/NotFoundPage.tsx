import { EmptyState } from "@docket/ui";
import { PageTitle } from "../layout/AdminShell.tsx";
import { Link } from "../lib/router.tsx";

export function NotFoundPage() {
  return (
    <>
      <PageTitle>Page not found</PageTitle>
      <EmptyState
        title="There is nothing here"
        action={
          <Link to="/" className="text-brand-700 underline">
            Go to the overview
          </Link>
        }
      />
    </>
  );
}
