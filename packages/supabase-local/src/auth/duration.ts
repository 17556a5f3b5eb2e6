// Go duration strings as GoTrue accepts them ("24h", "1h30m", "1.5s", "876000h"), in milliseconds.
const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

export function parseGoDuration(text: string): number | null {
  const match = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.test(text);
  if (!match) return text === "0" ? 0 : null;
  let total = 0;
  for (const part of text.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) {
    const unit = UNIT_MS[part[2] ?? ""];
    if (unit === undefined) return null;
    total += Number(part[1]) * unit;
  }
  return text.startsWith("-") ? -total : total;
}
