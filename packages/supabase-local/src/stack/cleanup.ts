/** Undo steps collected while starting, run newest first (on stop, or when start-up fails). */
export function createCleanup(log: (line: string) => void) {
  const steps: Array<{ what: string; run: () => Promise<unknown> }> = [];
  return {
    add(what: string, run: () => Promise<unknown>): void {
      steps.push({ what, run });
    },
    async runAll(): Promise<void> {
      for (const step of steps.splice(0).reverse()) {
        try {
          await step.run();
        } catch (error) {
          log(`stop: ${step.what} failed: ${String(error)}`);
        }
      }
    },
  };
}
