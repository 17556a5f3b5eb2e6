import type { ReactNode } from "react";
import { cn } from "./cn.ts";

export interface Column<Row> {
  /** Stable key for React; also the default header text. */
  key: string;
  header?: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Tailwind classes for the cells of this column, e.g. "text-right" or "hidden sm:table-cell". */
  className?: string;
}

export interface TableProps<Row> {
  /** Announced by screen readers as the table's name; visually hidden unless showCaption. */
  caption: string;
  showCaption?: boolean;
  columns: Array<Column<Row>>;
  rows: Row[];
  rowKey: (row: Row) => string;
}

/** A plain data table that scrolls sideways on narrow screens instead of breaking the layout. */
export function Table<Row>({ caption, showCaption, columns, rows, rowKey }: TableProps<Row>) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="min-w-full divide-y divide-slate-200 bg-white text-sm">
        <caption className={showCaption ? "p-2 text-left font-medium" : "sr-only"}>
          {caption}
        </caption>
        <thead className="bg-slate-50">
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={cn("px-3 py-2 text-left font-medium text-slate-600", c.className)}
              >
                {c.header ?? c.key}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="hover:bg-slate-50">
              {columns.map((c) => (
                <td key={c.key} className={cn("px-3 py-2 align-top text-slate-800", c.className)}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
