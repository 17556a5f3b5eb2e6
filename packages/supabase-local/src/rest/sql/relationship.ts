// Picks the one relationship an embed `target[!hint]` means from `parent` (spec §3.2):
// none → 400 PGRST200, several → 300 PGRST201 with the candidates listed.
import { RestError } from "../errors.ts";
import type { Relation, Relationship, SchemaCache } from "../schema-cache/types.ts";

export function resolveRelationship(
  cache: SchemaCache,
  parent: Relation,
  target: string,
  hint: string | undefined,
): Relationship {
  const all = cache.relationships(parent);
  let candidates = all.filter((r) =>
    hint === undefined
      ? matchesTarget(r, target)
      : r.target.name === target && matchesHint(r, hint),
  );
  // A self-reference named by the table is its children (one-to-many); the parent is reached
  // through the FK column name.
  const first = candidates[0];
  if (
    candidates.length === 2 &&
    candidates.every((r) => r.source === r.target && r.constraint === first?.constraint)
  ) {
    candidates = candidates.filter((r) => !r.fkOnSource);
  }
  if (candidates.length === 1) return candidates[0] as Relationship;
  if (candidates.length === 0) {
    const using = hint === undefined ? "" : ` using the hint '${hint}'`;
    const near = all.find((r) => r.target.name.toLowerCase() === target.toLowerCase());
    throw new RestError(
      400,
      "PGRST200",
      `Could not find a relationship between '${parent.name}' and '${target}' in the schema cache`,
      `Searched for a foreign key relationship between '${parent.name}' and '${target}'${using} in the schema '${parent.schema}', but no matches were found.`,
      near ? `Perhaps you meant '${near.target.name}' instead of '${target}'.` : null,
    );
  }
  throw new RestError(
    300,
    "PGRST201",
    `Could not embed because more than one relationship was found for '${parent.name}' and '${target}'`,
    candidates.map((r) => ({
      cardinality: r.cardinality,
      embedding: `${parent.name} with ${r.target.name}`,
      relationship: describe(r),
    })),
    `Try changing '${target}' to one of the following: ${candidates
      .map((r) => `'${target}!${r.constraint}'`)
      .join(", ")}. Find the desired relationship in the 'details' key.`,
  );
}

export function isToOne(r: Relationship): boolean {
  return r.cardinality === "many-to-one" || r.cardinality === "one-to-one";
}

function matchesTarget(r: Relationship, target: string): boolean {
  if (r.target.name === target) return true;
  if (r.junction || r.source.kind !== "table") return false;
  if (r.constraint === target) return true;
  // The FK column on the parent's side names the parent row it points to (many-to-one).
  return r.fkOnSource && r.sourceColumns.length === 1 && r.sourceColumns[0] === target;
}

function matchesHint(r: Relationship, hint: string): boolean {
  if (r.constraint === hint) return true;
  if (r.junction) {
    return r.junction.sourceConstraint === hint || r.junction.targetConstraint === hint;
  }
  const single = (cols: string[]) => cols.length === 1 && cols[0] === hint;
  return single(r.sourceColumns) || single(r.targetColumns);
}

function describe(r: Relationship): string {
  if (r.junction) {
    return `${r.junction.relation.name} using ${r.junction.sourceConstraint}(${r.junction.junctionSource.join(", ")}) and ${r.junction.targetConstraint}(${r.junction.junctionTarget.join(", ")})`;
  }
  return `${r.constraint} using ${r.source.name}(${r.sourceColumns.join(", ")}) and ${r.target.name}(${r.targetColumns.join(", ")})`;
}
