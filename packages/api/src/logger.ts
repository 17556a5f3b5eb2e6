// The slice of a pino-style logger the API needs; apps pass their own (the server's pino).
export interface ApiLogger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

const ignore = () => {};
export const silentLogger: ApiLogger = { info: ignore, warn: ignore, error: ignore };
