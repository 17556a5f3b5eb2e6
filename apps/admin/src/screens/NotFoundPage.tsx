import { EmptyState, PageTitle } from "@docket/ui";
import { Link } from "@docket/ui/router";

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
