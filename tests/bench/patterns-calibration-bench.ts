/**
 * `npm run bench -- --patterns [--vaults=200] [--fit] [--no-slices] [--cpu-clock | --thread-clock]`: the confidence's reliability
 * table over simulated vaults (seeds apart from the fit's), the expected calibration error, how often
 * a null vault proposes something at ≥ 0.5, and the longest synchronous slice on a 10k-entry vault.
 * `--fit` instead refits the calibration and prints the constants for calibration.ts.
 */
import { fitCalibration } from "./fit-pattern-calibration";
import { CONFIDENT, modeOf, reliability, runSimulated, type Observation, type VaultRun } from "./pattern-calibration";
import { benchPatternSlices, sliceClockOf } from "./pattern-slices";

/** Held-out seeds start here (the fit uses 1…N). */
const FIRST_SEED = 100_000;

export async function benchPatterns(args: readonly string[]): Promise<void> {
  const vaults = Number(args.find((a) => a.startsWith("--vaults="))?.slice(9) ?? 300);
  if (args.includes("--fit")) {
    console.log(await fitCalibration(Number(args.find((a) => a.startsWith("--vaults="))?.slice(9) ?? 450)));
    return;
  }
  const observations: Observation[] = [];
  const groups: VaultRun["groups"] = [];
  let nulls = 0;
  let quiet = 0;
  for (let i = 0; i < vaults; i++) {
    const seed = FIRST_SEED + i;
    const run = await runSimulated(seed, modeOf(seed));
    observations.push(...run.observations);
    groups.push(...run.groups);
    if (modeOf(seed) === "null") {
      nulls++;
      if (run.highest < CONFIDENT) quiet++;
    }
    if ((i + 1) % 50 === 0) console.error(`bench: ${i + 1} of ${vaults} simulated vaults…`);
  }
  const { rows, ece, shown } = reliability(observations);
  const lines = ["| confidence | proposals | real | mean confidence | share real |", "|---|---|---|---|---|"];
  for (const row of rows)
    lines.push(
      `| ${row.bin} | ${row.proposals} | ${row.real} | ${row.proposals ? row.meanConfidence.toFixed(2) : ""} | ${row.proposals ? `${Math.round(row.realShare * 100)}%` : ""} |`,
    );
  console.log(`Calibration over ${vaults} simulated vaults, ${vaults - nulls} with random effects and ${nulls} null (${shown} proposals):`);
  console.log(lines.join("\n"));
  console.log(`Expected calibration error: ${ece.toFixed(3)}`);
  console.log(`Null vaults with nothing at ≥ ${CONFIDENT}: ${quiet} of ${nulls} (${Math.round((quiet / nulls) * 100)}%)`);
  const confident = groups.filter((g) => g.confidence >= CONFIDENT);
  const share = (n: number): string => `${confident.length ? Math.round((n / confident.length) * 100) : 0}%`;
  console.log(
    `Skill comparisons, grouped: ${groups.length} proposals (${groups.filter((g) => g.members > 1).length} of several skills); at ≥ ${CONFIDENT}: ${confident.length}, ` +
      `mean confidence ${(confident.reduce((sum, g) => sum + g.confidence, 0) / Math.max(1, confident.length)).toFixed(2)}, ` +
      `clearest comparison real ${share(confident.filter((g) => g.leadReal).length)}, every listed skill real ${share(confident.filter((g) => g.allReal).length)}`,
  );
  if (!args.includes("--no-slices")) console.log(`10k-entry vault: ${JSON.stringify(await benchPatternSlices(30, sliceClockOf(args)))}`);
}
