// Catalog queries behind the schema cache. Each takes the exposed schemas as $1 (text[]).

/** Tables, views, materialized views, foreign tables and the composite types functions return. */
export const relationsQuery = `
SELECT c.oid::int8 AS oid, n.nspname::text AS schema, c.relname::text AS name, c.relkind::text AS relkind,
  pg_relation_is_updatable(c.oid, true) AS updatable_mask,
  coalesce((
    SELECT json_agg(json_build_object(
      'name', a.attname, 'num', a.attnum,
      'type', format_type(a.atttypid, a.atttypmod),
      'typname', t.typname,
      'elemtypname', et.typname,
      'nullable', NOT a.attnotnull,
      'hasDefault', a.atthasdef OR a.attidentity <> ''
    ) ORDER BY a.attnum)
    FROM pg_attribute a
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_type et ON et.oid = t.typbasetype
    WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  ), '[]') AS columns
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE (n.nspname = ANY($1) AND c.relkind IN ('r', 'v', 'm', 'f', 'p'))
   OR c.oid IN (
     SELECT t.typrelid FROM pg_proc p
     JOIN pg_namespace pn ON pn.oid = p.pronamespace
     JOIN pg_type t ON t.oid = p.prorettype
     WHERE pn.nspname = ANY($1) AND t.typtype = 'c'
   )`;

/** Primary keys, unique constraints and foreign keys touching the exposed schemas. */
export const constraintsQuery = `
SELECT con.conname::text AS name, con.contype::text AS type,
  con.conrelid::int8 AS rel, con.confrelid::int8 AS frel,
  (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num) AS cols,
  (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num) AS fcols
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE con.contype IN ('p', 'u', 'f') AND n.nspname = ANY($1)
ORDER BY con.conname`;

/** The parse tree of every view, to trace view columns back to base-table columns. */
export const viewDefinitionsQuery = `
SELECT r.ev_class::int8 AS oid, r.ev_action::text AS action
FROM pg_rewrite r
JOIN pg_class c ON c.oid = r.ev_class
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE r.rulename = '_RETURN' AND c.relkind IN ('v', 'm') AND n.nspname = ANY($1)`;

export const functionsQuery = `
SELECT n.nspname::text AS schema, p.proname::text AS name, p.provolatile::text AS volatility, p.proretset AS retset,
  p.prorettype::regtype::text AS rettype, rt.typtype::text AS rettyptype, rt.typrelid::int8 AS retrelid,
  p.pronargs AS nargs, p.pronargdefaults AS ndefaults, p.provariadic <> 0 AS variadic,
  coalesce(p.proargnames, '{}') AS argnames,
  coalesce(p.proargmodes::text[], '{}') AS argmodes,
  (SELECT coalesce(array_agg(format_type(u.t, NULL) ORDER BY u.o), '{}')
     FROM unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) WITH ORDINALITY u(t, o)) AS argtypes
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_type rt ON rt.oid = p.prorettype
WHERE n.nspname = ANY($1) AND p.prokind = 'f'
ORDER BY p.oid`;
