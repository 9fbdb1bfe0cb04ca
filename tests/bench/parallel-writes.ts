// The parallel-writers check at full size: `node tests/bench/parallel-writes.mjs [--rounds=30] [--writers=3]`.
// Prints, per racing command, the rounds, writers, lost updates and false exit codes.
import { parseArgs } from "node:util";
import { raceReviewGrades, raceSessionAdds } from "../support/parallel-writers";

const { values } = parseArgs({ options: { cli: { type: "string" }, rounds: { type: "string", default: "30" }, writers: { type: "string", default: "3" } } });
if (!values.cli) throw new Error("Run through tests/bench/parallel-writes.mjs, which builds the CLI and passes --cli.");
const rounds = Number(values.rounds);
const writers = Number(values.writers);
const cliPath = values.cli;
let failed = false;
for (const race of [raceSessionAdds, raceReviewGrades]) {
  const report = await race(cliPath, rounds, writers);
  console.log(
    `${report.command}: ${report.rounds} rounds × ${report.writers} writers — lost updates ${report.lostUpdates}, false exit codes ${report.falseExits}, refused ${report.refused}, wrong totals ${report.wrongTotals}`,
  );
  for (const error of report.errors) console.log(`  ${error}`);
  failed ||= report.lostUpdates + report.falseExits + report.refused + report.wrongTotals > 0;
}
process.exitCode = failed ? 1 : 0;
