// Graceful shutdown: on SIGTERM/SIGINT stop accepting connections, report not-ready, let in-flight
// requests finish (idle keep-alive sockets are closed at once), and force-close after a deadline.
import type { Server } from "node:http";
import type { Logger } from "./logger.ts";

export interface ShutdownControl {
  isShuttingDown(): boolean;
  /** Starts the shutdown; resolves when the server has closed. */
  shutdown(reason: string): Promise<void>;
}

export function gracefulShutdown(
  server: Server,
  logger: Logger,
  deadlineMs = 10_000,
): ShutdownControl {
  let closing: Promise<void> | null = null;
  return {
    isShuttingDown: () => closing !== null,
    shutdown(reason) {
      if (closing) return closing;
      logger.info({ reason }, "shutting down");
      closing = new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          logger.warn("deadline reached, closing remaining connections");
          server.closeAllConnections();
        }, deadlineMs);
        force.unref();
        // Keep-alive sockets turn idle as their last response ends: close them as they do.
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        sweep.unref();
        server.close(() => {
          clearTimeout(force);
          clearInterval(sweep);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

export function onTerminationSignals(control: ShutdownControl, exit: (code: number) => void): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void control.shutdown(signal).then(() => exit(0));
    });
  }
}
