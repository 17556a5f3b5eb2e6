// GET /admin/users?page=&per_page=&filter= with GoTrue's `X-Total-Count` and `Link` headers, in the
// exact shape auth-js parses (page first in the query, rel values double-quoted).
import { withTx } from "../db.ts";
import type { Handler } from "../deps.ts";
import { AuthError, sendJson } from "../errors.ts";
import { requireAdmin } from "../require-user.ts";
import { userJson } from "../user-json.ts";
import { usersWithIdentities } from "../users-repo.ts";

function positiveInt(raw: string | null, fallback: number, name: string): number {
  if (raw === null || raw === "") return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new AuthError(
      400,
      "validation_failed",
      `Bad Pagination Parameters: ${name} must be a positive integer`,
    );
  }
  return Number(raw);
}

function linkHeader(query: URLSearchParams, page: number, perPage: number, total: number): string {
  const link = (target: number) => {
    const params = new URLSearchParams(query);
    params.set("page", String(target));
    params.set("per_page", String(perPage));
    params.sort();
    return `</admin/users?${params.toString()}>`;
  };
  const last = Math.ceil(total / perPage);
  const parts: string[] = [];
  if (total > page * perPage) parts.push(`${link(page + 1)}; rel="next"`);
  parts.push(`${link(last)}; rel="last"`);
  return parts.join(", ");
}

export const listUsers: Handler = async (deps, request) => {
  await requireAdmin(deps, request.authorization);
  const query = request.url.searchParams;
  const page = positiveInt(query.get("page"), 1, "page");
  const perPage = Math.min(positiveInt(query.get("per_page"), 50, "per_page"), 1000);
  const filter = query.get("filter") ?? "";
  const { users, total } = await withTx(deps.pool, async (db) => {
    const where = `deleted_at is null and ($1 = '' or email ilike '%' || $1 || '%'
      or raw_user_meta_data ->> 'full_name' ilike '%' || $1 || '%')`;
    const count = await db.query<{ n: string }>(
      `select count(*)::text as n from auth.users where ${where}`,
      [filter],
    );
    const ids = await db.query<{ id: string }>(
      `select id from auth.users where ${where} order by created_at desc, id limit $2 offset $3`,
      [filter, perPage, (page - 1) * perPage],
    );
    const rows = await usersWithIdentities(
      db,
      ids.rows.map((r) => r.id),
    );
    return {
      users: rows.map((r) => userJson(r.user, r.identities)),
      total: Number(count.rows[0]?.n ?? 0),
    };
  });
  sendJson(
    request.res,
    200,
    { users, aud: deps.settings.audience },
    { "x-total-count": String(total), link: linkHeader(query, page, perPage, total) },
  );
};
