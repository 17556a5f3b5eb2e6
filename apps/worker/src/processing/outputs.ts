import { toCsv } from "./csv-writer.ts";
import type { Entities } from "./entities.ts";
import type { FileKind } from "./file-kind.ts";
import type { TextStats } from "./stats.ts";

export type OutputKind = "summary" | "markdown" | "entities_csv" | "stats_json";

export interface RenderedOutput {
  kind: OutputKind;
  content: string;
  /** Name of the downloadable file in Storage. */
  fileName: string;
  contentType: string;
}

export interface Analysis {
  title: string;
  kind: FileKind;
  markdown: string;
  summary: string;
  stats: TextStats;
  entities: Entities;
  units?: { pages?: number; rows?: number };
}

export function renderOutputs(analysis: Analysis): RenderedOutput[] {
  return [
    {
      kind: "summary",
      content: analysis.summary,
      fileName: "summary.txt",
      contentType: "text/plain; charset=utf-8",
    },
    {
      kind: "markdown",
      content: `# ${analysis.title.replace(/\s+/g, " ").trim()}\n\n${analysis.markdown}\n`,
      fileName: "document.md",
      contentType: "text/markdown; charset=utf-8",
    },
    {
      kind: "entities_csv",
      content: entitiesCsv(analysis.entities),
      fileName: "entities.csv",
      contentType: "text/csv; charset=utf-8",
    },
    {
      kind: "stats_json",
      content: `${JSON.stringify(statsDocument(analysis), null, 2)}\n`,
      fileName: "stats.json",
      contentType: "application/json",
    },
  ];
}

function entitiesCsv(entities: Entities): string {
  const rows: (string | number)[][] = [["type", "value", "count"]];
  const types = [
    ["email", entities.emails],
    ["url", entities.urls],
    ["date", entities.dates],
    ["amount", entities.amounts],
    ["keyword", entities.keywords],
  ] as const;
  for (const [type, list] of types) {
    for (const { value, count } of list) rows.push([type, value, count]);
  }
  return toCsv(rows);
}

function statsDocument(analysis: Analysis) {
  const { entities } = analysis;
  return {
    fileKind: analysis.kind,
    ...analysis.stats,
    ...(analysis.units ?? {}),
    entityCounts: {
      emails: entities.emails.length,
      urls: entities.urls.length,
      dates: entities.dates.length,
      amounts: entities.amounts.length,
    },
    topKeywords: entities.keywords.map((keyword) => keyword.value),
  };
}
