import { describe, expect, it } from "vitest";
import { composeNote } from "../../../src/core/codec/frontmatter";
import { MIN_SHOWN } from "../../../src/core/patterns/confidence";
import { findPatterns } from "../../../src/core/patterns/engine";
import type { PatternReport } from "../../../src/core/patterns/pattern-types";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { loadRecords } from "../../../src/core/vault/records";
import { MemoryNoteRepository } from "../../support/memory-note-repository";
import { seededRandom } from "../../support/seeded-random";

const TYPES = ["coding", "reading", "writing", "meeting"] as const;
const PROBLEMS = ["Ship v2", "Tax return", "Thesis draft", "Garden shed"];
const SESSIONS = 96;
const NOW = new Date("2026-11-30T12:00:00Z");
/** A planted effect of medium size or more over this many sessions must reach this confidence (as the engine test asks). */
const PLANTED_CONFIDENCE = 0.8;

interface Session {
  problem: string;
  day: Date;
  hour: number;
  type: string;
  focus: number;
  distractions: number;
}

/**
 * Four months of typed sessions spread over four problems, the types and hours evenly mixed. Planted:
 * meetings have lower focus (about 2.5 points) and more distractions (about 3 more). The shuffled twin
 * keeps every value and every type but deals the focus and distraction pairs out at random.
 */
function sessions(seed: number, shuffled: boolean): Session[] {
  const random = seededRandom(seed);
  const rows: Session[] = [];
  for (let i = 0; i < SESSIONS; i++) {
    const type = TYPES[i % TYPES.length]!;
    const meeting = type === "meeting";
    const focus = Math.min(10, Math.max(1, Math.round(7 + (random() - 0.5) * 4 - (meeting ? 2.5 : 0))));
    const distractions = Math.max(0, Math.round(1 + random() * 2 + (meeting ? 3 : 0)));
    const day = new Date(NOW.getTime() - (SESSIONS - i) * 86_400_000);
    rows.push({ problem: PROBLEMS[Math.floor(random() * PROBLEMS.length)]!, day, hour: 9 + (i % 7), type, focus, distractions });
  }
  if (shuffled) {
    const values = rows.map((row) => [row.focus, row.distractions] as const);
    for (let i = values.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [values[i], values[j]] = [values[j]!, values[i]!];
    }
    rows.forEach((row, i) => Object.assign(row, { focus: values[i]![0], distractions: values[i]![1] }));
  }
  return rows;
}

function vault(rows: readonly Session[]): MemoryNoteRepository {
  const files: Record<string, string> = {};
  for (const problem of PROBLEMS) {
    const table = rows
      .filter((row) => row.problem === problem)
      .map((row) => {
        const day = row.day.toISOString().slice(0, 10);
        const hour = String(row.hour).padStart(2, "0");
        return `| ${day}T${hour}:00:00 | ${day}T${hour}:45:00 | 45 | ${row.focus} | 6 | ${row.type}: work | ${row.distractions} | |`;
      });
    files[`LifeBetter/Problems/${problem}.md`] = composeNote(
      { id: crypto.randomUUID(), kind: "problem", status: "active", created: "2026-07-01" },
      `## Sessions\n| start | end | minutes | focus | energy | activity | distractions | outcome |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n${table.join("\n")}\n`,
    );
  }
  return new MemoryNoteRepository(files);
}

async function patterns(seed: number, shuffled: boolean): Promise<{ report: PatternReport; rows: Session[] }> {
  const rows = sessions(seed, shuffled);
  return { report: await findPatterns(await loadRecords(vault(rows), DEFAULT_SETTINGS), { now: NOW }), rows };
}

describe("the activity-type detector", () => {
  it.each([1, 2, 3])("finds lower focus and more distractions in meetings, with those sessions' problems as evidence (seed %i)", async (seed) => {
    const { report, rows } = await patterns(seed, false);
    const meetingProblems = [...new Set(rows.filter((row) => row.type === "meeting").map((row) => `LifeBetter/Problems/${row.problem}.md`))].sort();
    const focus = report.proposals.find((proposal) => proposal.key === "activity/focus/meeting");
    expect(focus).toMatchObject({ name: "Focus is lower in meeting sessions", positive: false, evidence: meetingProblems });
    expect(focus?.confidence).toBeGreaterThanOrEqual(PLANTED_CONFIDENCE);
    const distractions = report.proposals.find((proposal) => proposal.key === "activity/distractions/meeting");
    expect(distractions).toMatchObject({ name: "Distractions are higher in meeting sessions", positive: false });
    expect(distractions?.confidence).toBeGreaterThanOrEqual(PLANTED_CONFIDENCE);
    expect(distractions?.chart.title).toBe("Session focus and distractions by activity type");
  });

  it.each([1, 2, 3])("proposes nothing by activity type in the shuffled twin (seed %i)", async (seed) => {
    const { report } = await patterns(seed, true);
    const byType = report.proposals.filter((proposal) => proposal.key.startsWith("activity/"));
    expect(byType.filter((proposal) => proposal.confidence >= MIN_SHOWN)).toEqual([]);
    expect(report.tested).toBeGreaterThan(4); // the types were compared: the twin is not simply empty
  });

  it("compares nothing when sessions have no type (tables written before types)", async () => {
    const rows = sessions(1, false).map((row) => ({ ...row, type: "untyped" }));
    const { proposals } = await findPatterns(await loadRecords(vault(rows), DEFAULT_SETTINGS), { now: NOW });
    expect(proposals.filter((proposal) => proposal.key.startsWith("activity/"))).toEqual([]);
  });
});
