import { EmptyState, PageTitle } from "@docket/ui";
import { Link } from "@docket/ui/router";

export function NotFound() {
  return (
    <>
      <PageTitle>Page not found</PageTitle>
      <EmptyState
        title="There is nothing here"
        description="The address may be mistyped, or the page was moved."
        action={
          <Link to="/documents" className="text-brand-700 underline">
            Go to your documents
          </Link>
        }
      />
    </>
  );
}
