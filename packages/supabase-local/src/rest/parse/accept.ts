// `Accept` negotiation (spec §9): JSON array, singular object, CSV, and the nulls=stripped forms.
import { RestError } from "../errors.ts";

export type MediaKind = "json" | "object" | "csv" | "json-stripped" | "object-stripped";

export const contentTypes: Record<MediaKind, string> = {
  json: "application/json; charset=utf-8",
  object: "application/vnd.pgrst.object+json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  "json-stripped": "application/vnd.pgrst.array+json;nulls=stripped; charset=utf-8",
  "object-stripped": "application/vnd.pgrst.object+json;nulls=stripped; charset=utf-8",
};

export function negotiate(accept: string | undefined): MediaKind {
  if (!accept) return "json";
  const candidates = accept
    .split(",")
    .map((part, index) => {
      const [type = "", ...params] = part.split(";").map((p) => p.trim());
      const q = Number(params.find((p) => p.startsWith("q="))?.slice(2) ?? 1);
      const stripped = params.some((p) => p.replace(/\s/g, "").toLowerCase() === "nulls=stripped");
      return { type: type.toLowerCase(), q: Number.isNaN(q) ? 0 : q, index, stripped };
    })
    .filter((c) => c.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const c of candidates) {
    switch (c.type) {
      case "*/*":
      case "application/*":
      case "application/json":
        return "json";
      case "application/vnd.pgrst.array+json":
      case "application/vnd.pgrst.array":
        return c.stripped ? "json-stripped" : "json";
      case "application/vnd.pgrst.object+json":
      case "application/vnd.pgrst.object":
        return c.stripped ? "object-stripped" : "object";
      case "text/csv":
        return "csv";
    }
  }
  throw new RestError(406, "PGRST107", `None of these media types are available: ${accept}`);
}

export function isSingular(kind: MediaKind): boolean {
  return kind === "object" || kind === "object-stripped";
}
