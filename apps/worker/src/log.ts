import { type LogLevel as GraphileLevel, Logger as GraphileLogger } from "graphile-worker";

// One JSON object per line, so logs can be filtered by jobId or by the requestId of the API call
// that enqueued the job (the thread from a user's click to the worker's result).
export type Level = "error" | "warning" | "info" | "debug";
const RANK: Record<Level, number> = { error: 0, warning: 1, info: 2, debug: 3 };

export type Fields = Record<string, unknown>;
export type Sink = (line: string) => void;

export interface Log {
  error(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  debug(message: string, fields?: Fields): void;
  child(fields: Fields): Log;
}

export function createLog(
  level: Level,
  sink: Sink = (line) => process.stdout.write(`${line}\n`),
  base: Fields = {},
): Log {
  const emit = (at: Level, message: string, fields?: Fields) => {
    if (RANK[at] > RANK[level]) return;
    sink(
      JSON.stringify({
        time: new Date().toISOString(),
        level: at,
        msg: message,
        ...base,
        ...fields,
      }),
    );
  };
  return {
    error: (m, f) => emit("error", m, f),
    warn: (m, f) => emit("warning", m, f),
    info: (m, f) => emit("info", m, f),
    debug: (m, f) => emit("debug", m, f),
    child: (fields) => createLog(level, sink, { ...base, ...fields }),
  };
}

/** graphile-worker's own messages, through the same sink and format. */
export function graphileLogger(log: Log): GraphileLogger {
  return new GraphileLogger((scope) => (level: GraphileLevel, message: string) => {
    const fields = {
      component: "graphile-worker",
      ...(scope.workerId ? { workerId: scope.workerId } : {}),
      ...(scope.jobId ? { graphileJobId: scope.jobId } : {}),
      ...(scope.taskIdentifier ? { task: scope.taskIdentifier } : {}),
    };
    if (level === "error") log.error(message, fields);
    else if (level === "warning") log.warn(message, fields);
    else if (level === "info") log.info(message, fields);
    else log.debug(message, fields);
  });
}
