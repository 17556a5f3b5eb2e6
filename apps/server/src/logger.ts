// Structured JSON logs (pino). Known sensitive fields are removed by path, and every finished
// line passes the scrubber, so a token inside an unexpected error message is still caught.
import pino, { type DestinationStream, type Logger } from "pino";
import { createLineScrubber } from "./log-scrubber.ts";

export type { Logger } from "pino";

export interface LoggerOptions {
  level: string;
  /** Values that must never be written (the secret key, the legacy JWT secret…). */
  secrets: readonly string[];
  /** Where lines go; stdout by default. Tests pass a collector. */
  destination?: { write(line: string): void };
}

const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.apikey",
  "req.headers.cookie",
  "headers.authorization",
  "headers.apikey",
  "authorization",
  "token",
  "accessToken",
  "access_token",
  "refreshToken",
  "refresh_token",
  "secretKey",
  "password",
  "*.token",
  "*.accessToken",
  "*.access_token",
  "*.secretKey",
  "*.password",
];

export function createLogger(options: LoggerOptions): Logger {
  const scrub = createLineScrubber(options.secrets);
  const sink = options.destination ?? process.stdout;
  const stream: DestinationStream = { write: (line: string) => void sink.write(scrub(line)) };
  return pino(
    {
      level: options.level,
      base: { service: "server" },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    stream,
  );
}
