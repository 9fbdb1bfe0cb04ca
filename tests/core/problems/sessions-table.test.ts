import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../../src/core/codec/markdown-tree";
import { describeRowProblems, lastWorked, parseSessions, parseSessionsInSlices, totalMinutes } from "../../../src/core/problems/sessions-table";

const HEADER = "| start | end | minutes | focus | energy | activity | distractions | outcome |\n| --- | --- | --- | --- | --- | --- | --- | --- |";

function body(...rows: string[]): string {
  return `Intro.\n\n## Sessions\n${HEADER}\n${rows.join("\n")}\n\n## Notes\nkeep\n`;
}

describe("parseSessions", () => {
  it("reads rows into typed sessions and sums their minutes", () => {
    const table = parseSessions(
      body(
        "| 2026-11-20T09:00:00+01:00 | 2026-11-20T10:30:00+01:00 | 90 | 7 | 6 | debugging | slack | found it |",
        "| 2026-11-21T09:00:00+01:00 | 2026-11-21T10:00:00+01:00 | 45 |  |  | reading |  |  |",
      ),
    );
    expect(table.problems).toEqual([]);
    expect(table.rows.map((row) => [row.row, row.minutes, row.focus, row.energy, row.activity])).toEqual([
      [1, 90, 7, 6, "debugging"],
      [2, 45, undefined, undefined, "reading"],
    ]);
    expect(totalMinutes(table.rows)).toBe(135);
    expect(lastWorked(table.rows)?.row).toBe(2);
  });

  it("derives minutes from start and end when the cell is empty", () => {
    const table = parseSessions(body("| 2026-11-20T09:00:00Z | 2026-11-20T09:40:00Z |  | 5 | 5 |  |  |  |"));
    expect(table.rows[0]?.minutes).toBe(40);
  });

  it("reads columns by name, in any order a hand-made table uses", () => {
    const text = "## Sessions\n| focus | end | start | minutes |\n| - | - | - | - |\n| 8 | 2026-11-20T10:00:00Z | 2026-11-20T09:00:00Z | 60 |\n";
    const table = parseSessions(text);
    expect(table.problems).toEqual([]);
    expect(table.rows[0]).toMatchObject({ focus: 8, minutes: 60, start: "2026-11-20T09:00:00Z" });
  });

  it.each([
    ["| yesterday | 2026-11-20T10:00:00Z | 60 | 5 | 5 |  |  |  |", /start "yesterday" is not an ISO date and time/],
    ["| 2026-11-20 | 2026-11-20T10:00:00Z | 60 | 5 | 5 |  |  |  |", /start "2026-11-20" is not an ISO date and time/],
    ["|  | 2026-11-20T10:00:00Z | 60 | 5 | 5 |  |  |  |", /start is empty/],
    ["| 2026-11-20T10:00:00Z | 2026-11-20T09:00:00Z |  | 5 | 5 |  |  |  |", /end .* is before start/],
    ["| 2026-11-20T09:00:00Z | 2026-11-20T10:00:00Z | 1h | 5 | 5 |  |  |  |", /minutes "1h" is not a whole number/],
    ["| 2026-11-20T09:00:00Z | 2026-11-20T10:00:00Z | 61 | 5 | 5 |  |  |  |", /minutes 61 is more than the 60 minutes/],
    ["| 2026-11-20T09:00:00Z | 2026-11-20T10:00:00Z | 60 | 11 | 5 |  |  |  |", /focus "11" is not a whole number from 1 to 10/],
    ["| 2026-11-20T09:00:00Z | 2026-11-20T10:00:00Z | 60 | 5 | 0 |  |  |  |", /energy "0" is not a whole number from 1 to 10/],
    ["| 2026-11-20T09:00:00Z | 2026-11-20T10:00:00Z | 60 | 5.5 | 5 |  |  |  |", /focus "5.5"/],
  ])("reports %s with its row number instead of guessing", (bad, message) => {
    const good = "| 2026-11-19T09:00:00Z | 2026-11-19T10:00:00Z | 60 | 5 | 5 |  |  |  |";
    const table = parseSessions(body(good, bad));
    expect(table.rows.map((row) => row.row)).toEqual([1]);
    expect(table.problems).toHaveLength(1);
    expect(table.problems[0]?.row).toBe(2);
    expect(table.problems[0]?.message).toMatch(message);
    expect(describeRowProblems(table.problems)).toMatch(/^row 2: /);
  });

  it("ignores rows whose cells are all empty", () => {
    expect(parseSessions(body("|  |  |  |  |  |  |  |  |"))).toMatchObject({ rows: [], problems: [] });
  });

  it("reports a table without a start or end column as the header's problem", () => {
    const table = parseSessions("## Sessions\n| when | minutes |\n| - | - |\n| today | 5 |\n");
    expect(table.rows).toEqual([]);
    expect(table.problems).toEqual([{ row: 0, message: expect.stringMatching(/no start or end column/) as string }]);
  });

  it("finds no table when the note has none, or the table sits under another heading", () => {
    expect(parseSessions("Just text.\n").found).toBe(false);
    expect(parseSessions(`## Log\n${HEADER}\n`).found).toBe(false);
  });
});

describe("activity types and distraction counts in the sessions table", () => {
  const table = (activity: string, distractions: string): string =>
    `## Sessions\n| start | end | minutes | focus | energy | activity | distractions | outcome |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n| 2026-11-20T09:00:00Z | 2026-11-20T10:00:00Z | 60 | 7 | 6 | ${activity} | ${distractions} | done |\n`;

  it.each([
    ["coding: fixed the parser", "3: slack, email", "coding", "fixed the parser", 3, "slack, email"],
    ["Reading", "2", "reading", "", 2, ""],
    ["Note: ask Sam", "slack, email", undefined, "Note: ask Sam", undefined, "slack, email"],
    ["debugging the cache", "2 calls", undefined, "debugging the cache", undefined, "2 calls"],
    ["", "", undefined, "", undefined, ""],
  ])("reads %j / %j as type, text, count, text", (activity, distractions, type, text, count, notes) => {
    const [row] = parseSessions(table(activity, distractions)).rows;
    expect([row?.activityType, row?.activityText, row?.distractionCount, row?.distractionText]).toEqual([type, text, count, notes]);
    // The cells as written are kept for everything that showed them before.
    expect([row?.activity, row?.distractions]).toEqual([activity, distractions]);
  });

  it("recognises a custom activity type only when it is given", () => {
    expect(parseSessions(table("pairing: with Sam", "")).rows[0]?.activityType).toBeUndefined();
    expect(parseSessions(table("pairing: with Sam", ""), undefined, ["coding", "pairing"]).rows[0]).toMatchObject({
      activityType: "pairing",
      activityText: "with Sam",
    });
  });
});

describe("parseSessionsInSlices", () => {
  it("reads a long table as parseSessions does, with ticks between rows", async () => {
    const rows = Array.from({ length: 230 }, (_, i) => {
      const day = String(1 + (i % 28)).padStart(2, "0");
      if (i % 17 === 0) return "|  |  |  |  |  |  |  |  |";
      return `| 2026-11-${day}T09:00:00Z | 2026-11-${day}T10:00:00Z | ${i % 13 === 0 ? "90" : "45"} | ${1 + (i % 11)} |  | coding: step ${i} |  |  |`;
    });
    const note = body(...rows);
    let ticks = 0;
    const table = await parseSessionsInSlices(note, parseMarkdown(note), ["coding"], () => Promise.resolve(void ticks++));
    expect(table).toEqual(parseSessions(note, parseMarkdown(note), ["coding"]));
    expect(table.problems.length).toBeGreaterThan(0);
    expect(ticks).toBeGreaterThan(1);
  });

  it("reports a table without its required columns as parseSessions does", async () => {
    const note = "## Sessions\n| when | what |\n| --- | --- |\n| today | work |\n";
    expect(await parseSessionsInSlices(note, parseMarkdown(note), [], () => Promise.resolve())).toEqual(parseSessions(note));
  });
});
