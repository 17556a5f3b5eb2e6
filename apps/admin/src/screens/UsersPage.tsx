import {
  Alert,
  Card,
  EmptyState,
  Field,
  Input,
  PageTitle,
  Pagination,
  Spinner,
  Table,
  useDebounced,
} from "@docket/ui";
import { Link } from "@docket/ui/router";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { describeApiError } from "../lib/api-error.ts";
import type { AdminUser } from "../lib/api-types.ts";
import { formatDateTime } from "../lib/format.ts";
import { trpc } from "../lib/trpc.ts";
import { UserBadges } from "../users/user-badges.tsx";

const PER_PAGE = 20;

export function UsersPage() {
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const settled = useDebounced(search.trim());
  const users = useQuery({
    ...trpc.admin.users.list.queryOptions({ search: settled, page, perPage: PER_PAGE }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageTitle>Users</PageTitle>
      <Card>
        <div className="mb-4 max-w-sm">
          <Field label="Search by e-mail or name">
            {(p) => (
              <Input
                {...p}
                type="search"
                value={search}
                onChange={(e) => {
                  setSearch(e.target.value);
                  setPage(1);
                }}
              />
            )}
          </Field>
        </div>
        {users.isError && <Alert>{describeApiError(users.error)}</Alert>}
        {users.isPending && <Spinner label="Loading users" />}
        {users.data &&
          (users.data.items.length === 0 ? (
            <EmptyState title="No users match" description="Try another part of the e-mail." />
          ) : (
            <>
              <Table<AdminUser>
                caption="Users"
                rows={users.data.items}
                rowKey={(u) => u.id}
                columns={[
                  {
                    key: "email",
                    header: "E-mail",
                    cell: (u) => (
                      <Link to={`/users/${u.id}`} className="font-medium text-brand-700 underline">
                        {u.email ?? u.id}
                      </Link>
                    ),
                  },
                  { key: "name", header: "Name", cell: (u) => u.displayName ?? "—" },
                  { key: "flags", header: "Flags", cell: (u) => <UserBadges user={u} /> },
                  {
                    key: "created",
                    header: "Joined",
                    cell: (u) => formatDateTime(u.createdAt),
                    className: "hidden md:table-cell",
                  },
                  {
                    key: "last",
                    header: "Last sign-in",
                    cell: (u) => formatDateTime(u.lastSignInAt),
                    className: "hidden md:table-cell",
                  },
                ]}
              />
              <Pagination
                label="Users pages"
                page={page}
                pageCount={Math.max(1, Math.ceil(users.data.total / PER_PAGE))}
                onPageChange={setPage}
              />
            </>
          ))}
      </Card>
    </>
  );
}
