import { Button, EmptyState, Table } from "@docket/ui";
import { useMemo } from "react";
import { csvRecords } from "../lib/csv.ts";
import { downloadText, fileStem } from "../lib/download.ts";
import { statItems } from "./stats.ts";

export interface OutputView {
  kind: string;
  content: string | null;
}

const downloads = [
  { kind: "markdown", label: "Markdown", ext: "md", mime: "text/markdown" },
  { kind: "entities_csv", label: "Entities CSV", ext: "csv", mime: "text/csv" },
  { kind: "stats_json", label: "Stats JSON", ext: "json", mime: "application/json" },
] as const;

export interface OutputsViewProps {
  title: string;
  outputs: OutputView[];
  /** Why there are no outputs, when the reason is known (failed or cancelled processing). */
  emptyDescription?: string;
}

/** Summary, stats and the entities table of a processed document, with downloads. */
export function OutputsView({ title, outputs, emptyDescription }: OutputsViewProps) {
  const byKind = useMemo(() => new Map(outputs.map((o) => [o.kind, o.content ?? ""])), [outputs]);
  const summary = byKind.get("summary");
  const stats = statItems(byKind.get("stats_json") ?? "");
  const entities = csvRecords(byKind.get("entities_csv") ?? "");

  if (outputs.length === 0) {
    return (
      <EmptyState
        title="No outputs yet"
        description={emptyDescription ?? "They appear here when processing is done."}
      />
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <fieldset className="flex flex-wrap gap-2">
        <legend className="sr-only">Downloads</legend>
        {downloads
          .filter((d) => byKind.has(d.kind))
          .map((d) => (
            <Button
              key={d.kind}
              variant="secondary"
              size="sm"
              onClick={() =>
                downloadText(`${fileStem(title)}.${d.ext}`, byKind.get(d.kind) ?? "", d.mime)
              }
            >
              Download {d.label}
            </Button>
          ))}
      </fieldset>

      {summary !== undefined && (
        <section aria-labelledby="summary-heading">
          <h3 id="summary-heading" className="mb-2 text-sm font-semibold text-slate-900">
            Summary
          </h3>
          <p className="whitespace-pre-line text-sm leading-relaxed text-slate-700">
            {summary || "The document has too little text for a summary."}
          </p>
        </section>
      )}

      {stats && stats.items.length > 0 && (
        <section aria-labelledby="stats-heading">
          <h3 id="stats-heading" className="mb-2 text-sm font-semibold text-slate-900">
            Stats
          </h3>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {stats.items.map((s) => (
              <div key={s.label} className="rounded-md bg-slate-50 p-3">
                <dt className="text-xs text-slate-500">{s.label}</dt>
                <dd className="text-lg font-semibold tabular-nums text-slate-900">{s.value}</dd>
              </div>
            ))}
          </dl>
          {stats.keywords.length > 0 && (
            <p className="mt-3 text-sm text-slate-600">
              <span className="font-medium">Top keywords:</span> {stats.keywords.join(", ")}
            </p>
          )}
        </section>
      )}

      {byKind.has("entities_csv") && (
        <section aria-labelledby="entities-heading">
          <h3 id="entities-heading" className="mb-2 text-sm font-semibold text-slate-900">
            Entities
          </h3>
          {entities.records.length === 0 ? (
            <p className="text-sm text-slate-500">
              No e-mails, links, dates, amounts or keywords found.
            </p>
          ) : (
            <Table
              caption="Entities found in the document"
              rowKey={(r) => `${r.type}:${r.value}`}
              rows={entities.records}
              columns={[
                { key: "type", header: "Type", cell: (r) => r.type },
                {
                  key: "value",
                  header: "Value",
                  cell: (r) => <span className="break-all">{r.value}</span>,
                },
                {
                  key: "count",
                  header: "Count",
                  className: "text-right tabular-nums",
                  cell: (r) => r.count,
                },
              ]}
            />
          )}
        </section>
      )}
    </div>
  );
}
