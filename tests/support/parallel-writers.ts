import { promises as fs } from "node:fs";
import * as path from "node:path";
import { composeNote, parseNote } from "../../src/core/codec/frontmatter";
import { parseSessions, totalMinutes } from "../../src/core/problems/sessions-table";
import { runBuiltCli } from "./built-cli";
import { makeTempVault, removeVault } from "./temp-vault";

export interface ParallelReport {
  command: string;
  rounds: number;
  writers: number;
  /** A process exited 0 but its row is not in the table. */
  lostUpdates: number;
  /** A process exited non-zero although its row is in the table. */
  falseExits: number;
  /** Processes that exited non-zero and wrote nothing (true refusals; none are expected here). */
  refused: number;
  /** Rounds after which a total in the note (time_spent) did not match what was written. */
  wrongTotals: number;
  /** The first few error messages, to show what went wrong. */
  errors: string[];
}

const PROBLEM = "Problems/Race.md";

/** Non-overlapping half-hour sessions: writer w of round r starts at hour r × writers + w. */
function sessionTimes(round: number, writer: number, writers: number): { start: string; end: string } {
  const start = new Date(Date.UTC(2026, 10, 1) + (round * writers + writer) * 3_600_000);
  const end = new Date(start.getTime() + 30 * 60_000);
  return { start: start.toISOString().replace(".000Z", "Z"), end: end.toISOString().replace(".000Z", "Z") };
}

/**
 * `writers` real `session add` processes on one problem at once, `rounds` times. After each round the
 * note on disk is the judge: every process that exited 0 must have its row, none that failed may.
 */
export async function raceSessionAdds(cliPath: string, rounds: number, writers: number): Promise<ParallelReport> {
  const vault = await makeTempVault({
    [PROBLEM]: composeNote({ id: crypto.randomUUID(), kind: "problem", status: "active", time_spent: 0 }, "Racing writers.\n"),
  });
  const report: ParallelReport = { command: "session add", rounds, writers, lostUpdates: 0, falseExits: 0, refused: 0, wrongTotals: 0, errors: [] };
  try {
    for (let round = 0; round < rounds; round++) {
      const runs = await Promise.all(
        Array.from({ length: writers }, (_, writer) => {
          const { start, end } = sessionTimes(round, writer, writers);
          return runBuiltCli(cliPath, [
            "session",
            "add",
            "--vault",
            vault,
            "--problem",
            "Race",
            "--start",
            start,
            "--end",
            end,
            "--focus",
            "5",
            "--energy",
            "5",
          ]).then((run) => ({ run, start }));
        }),
      );
      const parsed = parseNote(await fs.readFile(path.join(vault, PROBLEM), "utf8"));
      if (!parsed.ok) throw new Error(`the problem note became unreadable: ${parsed.problem}`);
      const rows = parseSessions(parsed.parts.body).rows;
      const starts = new Set(rows.map((row) => row.startTime.getTime()));
      for (const { run, start } of runs) {
        const written = starts.has(new Date(start).getTime());
        if (run.code === 0 && !written) report.lostUpdates++;
        if (run.code !== 0 && written) report.falseExits++;
        if (run.code !== 0 && !written) report.refused++;
        if (run.code !== 0 && report.errors.length < 5) report.errors.push(run.stderr.trim());
      }
      if (parsed.properties.time_spent !== totalMinutes(rows)) report.wrongTotals++;
    }
  } finally {
    await removeVault(vault);
  }
  return report;
}

const SKILL = "Meta-skills/Race skill.md";

/**
 * `writers` real `review --grade` processes on one meta-skill at once, `rounds` times. Each grade adds
 * one to review_count and one day to reviewed_on, so after a round both must have grown by exactly
 * the number of processes that exited 0.
 */
export async function raceReviewGrades(cliPath: string, rounds: number, writers: number): Promise<ParallelReport> {
  const vault = await makeTempVault({
    [SKILL]: composeNote({ id: crypto.randomUUID(), kind: "meta-skill", review_count: 0, reviewed_on: [] }, "How to race.\n"),
  });
  const report: ParallelReport = { command: "review --grade", rounds, writers, lostUpdates: 0, falseExits: 0, refused: 0, wrongTotals: 0, errors: [] };
  let count = 0;
  try {
    for (let round = 0; round < rounds; round++) {
      const runs = await Promise.all(
        Array.from({ length: writers }, () => runBuiltCli(cliPath, ["review", "--vault", vault, "--grade", "Race skill", "good", "--today", "2026-11-20"])),
      );
      const parsed = parseNote(await fs.readFile(path.join(vault, SKILL), "utf8"));
      if (!parsed.ok) throw new Error(`the skill note became unreadable: ${parsed.problem}`);
      const succeeded = runs.filter((run) => run.code === 0).length;
      const now = Number(parsed.properties.review_count);
      const reviewDays = Array.isArray(parsed.properties.reviewed_on) ? parsed.properties.reviewed_on.length : 0;
      const written = now - count;
      report.lostUpdates += Math.max(0, succeeded - written);
      report.falseExits += Math.max(0, written - succeeded);
      report.refused += writers - succeeded;
      if (reviewDays !== now) report.wrongTotals++;
      for (const run of runs) if (run.code !== 0 && report.errors.length < 5) report.errors.push(run.stderr.trim());
      count = now;
    }
  } finally {
    await removeVault(vault);
  }
  return report;
}
