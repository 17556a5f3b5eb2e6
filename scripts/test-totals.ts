// Prints vitest's JSON report as the one closing line CI reads: "N passed, N failed[, N skipped]",
// and exits 1 when the report holds a failure.
import { readFileSync } from "node:fs";

const file = process.argv[2] ?? "test-results/vitest.json";
const report = JSON.parse(readFileSync(file, "utf8")) as {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  success: boolean;
};
const skipped = report.numPendingTests + report.numTodoTests;
console.log(
  `${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`,
);
// The report decides, not only the runner's exit code: a failed test always fails the run.
if (!report.success || report.numFailedTests > 0) process.exit(1);
