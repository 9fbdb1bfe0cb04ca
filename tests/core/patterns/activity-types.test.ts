import { describe, expect, it } from "vitest";
import { composeNote } from "../../../src/core/codec/frontmatter";
import { findPatterns } from "../../../src/core/patterns/engine";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { loadRecords } from "../../../src/core/vault/records";
import { MemoryNoteRepository } from "../../support/memory-note-repository";

const row = (day: number, focus: number, activity: string, distractions: string): string =>
  `| 2026-11-${String(day).padStart(2, "0")}T09:00:00Z | 2026-11-${String(day).padStart(2, "0")}T10:00:00Z | 60 | ${focus} | 5 | ${activity} | ${distractions} | |`;

const problem = (rows: string[]): string =>
  composeNote(
    { id: crypto.randomUUID(), kind: "problem", status: "active" },
    `## Sessions\n| start | end | minutes | focus | energy | activity | distractions | outcome |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n${rows.join("\n")}\n`,
  );

async function overview(rows: string[], activityTypes?: string[]) {
  const repo = new MemoryNoteRepository({ "Problems/P.md": problem(rows) });
  const report = await findPatterns(await loadRecords(repo, DEFAULT_SETTINGS), { now: new Date("2026-11-30T12:00:00Z"), activityTypes });
  const chart = report.overview.find((candidate) => candidate.title === "Session focus and distractions by activity type");
  if (chart && chart.kind !== "bar") throw new Error("the activity chart is not a bar chart");
  return chart;
}

describe("patterns read the sessions' activity types and distraction counts", () => {
  it("charts focus and distractions by activity type, most used first, custom types included", async () => {
    const chart = await overview(
      [
        row(1, 8, "coding: parser", "1"),
        row(2, 6, "coding", "3: slack"),
        row(3, 4, "meeting: standup", "0"),
        row(4, 9, "pairing: with Sam", ""),
        row(5, 7, "untyped work", "2"),
      ],
      ["coding", "meeting", "pairing"],
    );
    expect(chart?.labels).toEqual(["coding (2)", "meeting (1)", "pairing (1)"]);
    expect(chart?.series).toEqual([
      { label: "Average focus", values: [7, 4, 9] },
      { label: "Average distractions", values: [2, 0, null] },
    ]);
  });

  it("has no such chart when no session has a type (old tables)", async () => {
    expect(await overview([row(1, 8, "reading logs", "slack"), row(2, 6, "", "")])).toBeUndefined();
  });
});
