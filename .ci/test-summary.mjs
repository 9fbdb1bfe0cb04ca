// Prints the plain "N passed, N failed" line CI reads, from vitest's JSON report.
import { readFileSync } from "node:fs";

const file = process.argv[2] ?? ".tmp/vitest.json";
try {
  const report = JSON.parse(readFileSync(file, "utf8"));
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  const failed = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  console.log(`${report.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
} catch (error) {
  console.log(`0 passed, 1 failed (no test report: ${error.message})`);
  process.exitCode = 1;
}
