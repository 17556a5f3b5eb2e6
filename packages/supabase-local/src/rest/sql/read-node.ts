// Builds one node of the select tree: its output columns, the LATERAL joins of its embeds (each
// embed is a node built the same way), its WHERE conditions and ORDER BY (spec §2, §4, §5, §14).
import { notEmbedded, RestError } from "../errors.ts";
import { outputKey } from "../parse/field.ts";
import { pathSeparator } from "../parse/query.ts";
import type { NodeModifiers, OrderTerm, ParsedQuery, SelectItem } from "../parse/types.ts";
import type { Relation, Relationship, SchemaCache } from "../schema-cache/types.ts";
import { conditionSql } from "./condition.ts";
import { embedJoin } from "./embed.ts";
import { columnOf, fieldSql } from "./field.ts";
import { isToOne, resolveRelationship } from "./relationship.ts";
import { ident, type Params } from "./text.ts";

export interface BuildScope {
  cache: SchemaCache;
  params: Params;
  query: ParsedQuery;
  maxRows: number;
  /** Modifier paths used so far; leftovers name embeds that are not in `select` (PGRST108). */
  consumed: Set<string>;
  aliasCount: number;
}

export interface EmbedInfo {
  key: string;
  name: string;
  relationship: Relationship;
  lateral: string;
  inner: boolean;
  spread: boolean;
  /** Set when a filter or count needs this join even without its output. */
  neededForFilter: boolean;
  /** Extra columns the lateral must expose for related ordering. */
  orderColumns: string[];
  build: NodeBuild | null;
  join: string;
}

export interface NodeBuild {
  relation: Relation;
  columns: string[];
  keys: string[];
  embeds: EmbedInfo[];
  where: string[];
  orderBy: string[];
  modifiers: NodeModifiers;
  /** Columns of `relation` the output needs (RETURNING of mutations). */
  used: Set<string>;
}

export function buildNode(
  scope: BuildScope,
  relation: Relation,
  qualifier: string,
  select: SelectItem[],
  path: string[],
  altPath: string[] = path,
): NodeBuild {
  const modifiers = takeModifiers(scope, path, altPath);
  const build: NodeBuild = {
    relation,
    columns: [],
    keys: [],
    embeds: [],
    where: [],
    orderBy: [],
    modifiers,
    used: new Set(),
  };
  for (const item of select) addItem(scope, build, qualifier, item, path, altPath);

  const embedByName = (name: string) =>
    build.embeds.find((e) => e.key === name) ?? build.embeds.find((e) => e.name === name);
  for (const cond of modifiers.conditions) {
    build.where.push(
      conditionSql(cond, {
        relation,
        qualifier,
        params: scope.params,
        embedPresence(name) {
          const embed = embedByName(name);
          if (!embed) return undefined;
          embed.neededForFilter = true;
          return `${embed.lateral}."pgrst_body"`;
        },
      }),
    );
  }
  for (const term of modifiers.order ?? []) {
    build.orderBy.push(orderSql(scope, build, qualifier, term, embedByName));
  }
  for (const embed of build.embeds) embed.join = embedJoin(scope, embed, qualifier);
  return build;
}

function addItem(
  scope: BuildScope,
  build: NodeBuild,
  qualifier: string,
  item: SelectItem,
  path: string[],
  altPath: string[],
): void {
  const { relation } = build;
  if (item.kind === "star") {
    for (const c of relation.columns) {
      build.columns.push(`${qualifier}.${ident(c.name)}`);
      build.keys.push(c.name);
      build.used.add(c.name);
    }
    return;
  }
  if (item.kind === "column") {
    const key = item.alias ?? outputKey(item.field);
    // `films(count)`: PostgreSQL reads "films"."count" as count(films); we say count(*).
    if (
      item.field.name === "count" &&
      !relation.columnsByName.has("count") &&
      !item.field.path.length
    ) {
      const expr = item.cast ? `CAST(count(*) AS ${item.cast})` : "count(*)";
      build.columns.push(`${expr} AS ${ident(key)}`);
      build.keys.push(key);
      return;
    }
    let expr = fieldSql(relation, qualifier, item.field, scope.params);
    if (item.cast) expr = `CAST(${expr} AS ${item.cast})`;
    build.columns.push(`${expr} AS ${ident(key)}`);
    build.keys.push(key);
    build.used.add(item.field.name);
    return;
  }
  const relationship = resolveRelationship(scope.cache, relation, item.name, item.hint);
  const key = item.alias ?? item.name;
  const n = ++scope.aliasCount;
  const embed: EmbedInfo = {
    key,
    name: item.name,
    relationship,
    lateral: ident(`pgrst_${n}_j`),
    inner: item.inner,
    spread: item.spread,
    neededForFilter: false,
    orderColumns: [],
    build: null,
    join: "",
  };
  for (const c of relationship.sourceColumns) build.used.add(c);
  embed.build = buildNode(
    scope,
    relationship.target,
    ident(`pgrst_${n}`),
    item.select,
    [...path, key],
    [...altPath, item.name],
  );
  build.embeds.push(embed);
  if (item.spread) {
    // A to-many spread (v13) gives each column as the array of its values, [] without rows.
    const toMany = !isToOne(relationship);
    for (const k of embed.build.keys) {
      const col = `${embed.lateral}.${ident(k)}`;
      build.columns.push(toMany ? `COALESCE(${col}, '[]') AS ${ident(k)}` : col);
      build.keys.push(k);
    }
  } else if (item.select.length > 0) {
    const body = `${embed.lateral}."pgrst_body"`;
    build.columns.push(
      `${isToOne(relationship) ? body : `COALESCE(${body}, '[]')`} AS ${ident(key)}`,
    );
    build.keys.push(key);
  }
}

function orderSql(
  scope: BuildScope,
  build: NodeBuild,
  qualifier: string,
  term: OrderTerm,
  embedByName: (name: string) => EmbedInfo | undefined,
): string {
  let expr: string;
  if (term.relation !== undefined) {
    const embed = embedByName(term.relation);
    if (!embed?.build) throw notEmbedded(term.relation);
    if (!isToOne(embed.relationship)) {
      throw new RestError(
        400,
        "PGRST118",
        `A related order on '${term.relation}' is not possible`,
        `'${build.relation.name}' and '${term.relation}' do not form a many-to-one or one-to-one relationship`,
      );
    }
    const inner = fieldSql(embed.build.relation, innerQualifier(embed), term.field, scope.params);
    const name = `pgrst_o${embed.orderColumns.length + 1}`;
    embed.orderColumns.push(`${inner} AS ${ident(name)}`);
    expr = `${embed.lateral}.${ident(name)}`;
  } else {
    if (term.field.path.length === 0) columnOf(build.relation, term.field.name);
    expr = fieldSql(build.relation, qualifier, term.field, scope.params);
    build.used.add(term.field.name);
  }
  const dir = term.direction === "desc" ? " DESC" : term.direction === "asc" ? " ASC" : "";
  const nulls = term.nulls ? ` NULLS ${term.nulls.toUpperCase()}` : "";
  return `${expr}${dir}${nulls}`;
}

export function innerQualifier(embed: EmbedInfo): string {
  return embed.lateral.replace(/_j"$/, '"');
}

function takeModifiers(scope: BuildScope, path: string[], altPath: string[]): NodeModifiers {
  for (const p of [path, altPath]) {
    const key = p.join(pathSeparator);
    const found = scope.query.nodes.get(key);
    if (found && !scope.consumed.has(key)) {
      scope.consumed.add(key);
      return found;
    }
  }
  return { conditions: [] };
}

/** After building: a modifier path that matched no embed means the embed is not selected. */
export function checkAllConsumed(scope: BuildScope): void {
  for (const key of scope.query.nodes.keys()) {
    if (!scope.consumed.has(key)) {
      const segments = key.split(pathSeparator);
      throw notEmbedded(segments.at(-1) ?? key);
    }
  }
}
