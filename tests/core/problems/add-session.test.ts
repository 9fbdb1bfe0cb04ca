import fc from "fast-check";
import { parseISO } from "date-fns";
import { describe, expect, it } from "vitest";
import { parseNote } from "../../../src/core/codec/frontmatter";
import { isoDateTime } from "../../../src/core/dates/timestamps";
import { InvalidInputError } from "../../../src/core/errors";
import { addSession, sessionCells, type SessionInput } from "../../../src/core/problems/add-session";
import { parseSessions, totalMinutes } from "../../../src/core/problems/sessions-table";
import { MemoryNoteRepository } from "../../support/memory-note-repository";

const ID = "0b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a01";
const PATH = "Problems/Ship v2.md";
const NOW = new Date("2026-11-24T12:00:00Z");
const HEAD = `---\nid: ${ID}\nkind: problem\nstatus: active\n# a comment the user wrote\n---\n`;
const BODY = `Why the release is late.

## Milestones
- [ ] Reproduce

## Sessions
| start | end | minutes | focus | energy | activity | distractions | outcome |
| --- | --- | --- | --- | --- | --- | --- | --- |
| 2026-11-20T09:00:00Z | 2026-11-20T10:30:00Z | 90 | 7 | 6 | debugging | slack | found it |

## Notes
Keep   these bytes *exactly*.
`;

const session = (start: string, end: string, extra: Partial<SessionInput> = {}): SessionInput => ({ start, end, focus: 7, energy: 6, ...extra });

async function bodyOf(repo: MemoryNoteRepository): Promise<string> {
  const parsed = parseNote(await repo.read(PATH));
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.parts.body;
}

async function properties(repo: MemoryNoteRepository): Promise<Record<string, unknown>> {
  const parsed = parseNote(await repo.read(PATH));
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.properties;
}

describe("sessionCells", () => {
  const existing = parseSessions(BODY).rows;

  it.each([
    [session("2026-11-21T10:00:00Z", "2026-11-21T09:00:00Z"), /ends .* before or when it starts/],
    [session("2026-11-21T10:00:00Z", "2026-11-21T10:00:00Z"), /ends .* before or when it starts/],
    [session("2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z"), /overlaps session 1 of this problem \(2026-11-20T09:00:00Z to 2026-11-20T10:30:00Z\)/],
    [session("2026-11-20T08:00:00Z", "2026-11-20T12:00:00Z"), /overlaps session 1/],
    [session("2026-11-21T09:00:00Z", "2026-11-21T10:00:00Z", { focus: 11 }), /Focus must be a whole number from 1 to 10, not 11/],
    [session("2026-11-21T09:00:00Z", "2026-11-21T10:00:00Z", { focus: 0 }), /Focus must be a whole number from 1 to 10, not 0/],
    [session("2026-11-21T09:00:00Z", "2026-11-21T10:00:00Z", { energy: 6.5 }), /Energy must be a whole number from 1 to 10/],
    [session("tomorrow", "2026-11-21T10:00:00Z"), /start "tomorrow" is not an ISO date and time/],
    [session("2026-11-21T09:00:00Z", "2026-11-21"), /end "2026-11-21" is not an ISO date and time/],
  ])("refuses %j with a clear message", (input, message) => {
    expect(() => sessionCells(input, existing)).toThrow(InvalidInputError);
    expect(() => sessionCells(input, existing)).toThrow(message);
  });

  it("accepts a session that starts when the previous one ends", () => {
    const { minutes, cells } = sessionCells(session("2026-11-20T10:30:00Z", "2026-11-20T11:15:00Z", { activity: "line one\nline two" }), existing);
    expect(minutes).toBe(45);
    expect(cells.activity).toBe("line one line two");
    expect(parseISO(cells.start).getTime()).toBe(Date.parse("2026-11-20T10:30:00Z"));
  });
});

describe("addSession", () => {
  it("appends a row, sets time_spent and last_worked, and changes no other byte of the body", async () => {
    const repo = new MemoryNoteRepository({ [PATH]: HEAD + BODY });
    const added = await addSession(repo, PATH, session("2026-11-21T14:00:00Z", "2026-11-21T14:50:00Z", { activity: "a | b", outcome: "fixed" }), NOW);
    expect(added).toMatchObject({ minutes: 50, timeSpent: 140, lastWorked: isoDateTime(new Date("2026-11-21T14:50:00Z")) });
    const text = await repo.read(PATH);
    const body = await bodyOf(repo);
    const at = BODY.indexOf("found it |") + "found it |".length;
    const inserted = body.length - BODY.length;
    expect(body.slice(0, at)).toBe(BODY.slice(0, at));
    expect(body.slice(at + inserted)).toBe(BODY.slice(at));
    const rows = parseSessions(body).rows;
    expect(rows.map((row) => [row.minutes, row.activity, row.outcome])).toEqual([
      [90, "debugging", "found it"],
      [50, "a | b", "fixed"],
    ]);
    const props = await properties(repo);
    expect(props).toMatchObject({ time_spent: 140, last_worked: added.lastWorked, updated: isoDateTime(NOW), status: "active" });
    expect(text).toContain("# a comment the user wrote");
  });

  it("keeps last_worked at the latest session when an older one is added", async () => {
    const repo = new MemoryNoteRepository({ [PATH]: HEAD + BODY });
    const added = await addSession(repo, PATH, session("2026-11-19T09:00:00Z", "2026-11-19T09:30:00Z"), NOW);
    expect(added.lastWorked).toBe(isoDateTime(new Date("2026-11-20T10:30:00Z")));
    expect(added.timeSpent).toBe(120);
  });

  it("creates the Sessions section and table in a note without one", async () => {
    const repo = new MemoryNoteRepository({ [PATH]: `${HEAD}Just a description.\r\n` });
    await addSession(repo, PATH, session("2026-11-21T09:00:00Z", "2026-11-21T09:25:00Z"), NOW);
    const body = await bodyOf(repo);
    expect(body).toMatch(/^Just a description\.\r\n\r\n## Sessions\r\n\| start +\| end +\| minutes +\|/);
    expect(/[^\r]\n/.test(body)).toBe(false); // the note's CRLF line ends are kept
    expect((await properties(repo)).time_spent).toBe(25);
  });

  it("writes the cells in the column order of a hand-made table", async () => {
    const body = "## Sessions\n| end | start | minutes | focus | energy | activity | distractions | outcome | mood |\n|-|-|-|-|-|-|-|-|-|\n";
    const repo = new MemoryNoteRepository({ [PATH]: HEAD + body });
    await addSession(repo, PATH, session("2026-11-21T09:00:00Z", "2026-11-21T09:10:00Z", { focus: 3 }), NOW);
    const [row] = parseSessions(await bodyOf(repo)).rows;
    expect(row).toMatchObject({ minutes: 10, focus: 3, start: isoDateTime(new Date("2026-11-21T09:00:00Z")) });
  });

  it.each([
    [
      "a row that cannot be read",
      `${HEAD}## Sessions\n| start | end | minutes | focus | energy | activity | distractions | outcome |\n|-|-|-|-|-|-|-|-|\n| soon | later | 5 | 5 | 5 | | | |\n`,
      /rows that cannot be read \(row 1: start "soon"/,
    ],
    ["a table missing a column", `${HEAD}## Sessions\n| start | end | minutes |\n|-|-|-|\n`, /has no focus, energy, activity, distractions, outcome column/],
    ["a note that is not a problem", `---\nkind: entry\ntype: insight\n---\nx\n`, /is not a problem note/],
  ])("refuses %s and writes nothing", async (_, text, message) => {
    const repo = new MemoryNoteRepository({ [PATH]: text });
    await expect(addSession(repo, PATH, session("2026-11-21T09:00:00Z", "2026-11-21T09:10:00Z"), NOW)).rejects.toThrow(message);
    expect(await repo.read(PATH)).toBe(text);
  });

  it("time_spent always equals the sum of the table's rows after any sequence of adds, refused ones included, and only the table grows", async () => {
    const base = Date.parse("2026-11-01T00:00:00Z");
    const attempt = fc.record({
      offset: fc.integer({ min: 0, max: 60 * 24 * 3 }),
      length: fc.integer({ min: -30, max: 240 }),
      focus: fc.integer({ min: 0, max: 11 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(attempt, { maxLength: 12 }), async (attempts) => {
        const repo = new MemoryNoteRepository({ [PATH]: HEAD + BODY });
        let accepted = 0;
        for (const { offset, length, focus } of attempts) {
          const start = new Date(base + offset * 60_000).toISOString();
          const end = new Date(base + (offset + length) * 60_000).toISOString();
          const before = await repo.read(PATH);
          try {
            await addSession(repo, PATH, { start, end, focus, energy: 5 }, NOW);
            accepted++;
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidInputError);
            expect(await repo.read(PATH)).toBe(before); // a refused add writes nothing
          }
        }
        const parsed = parseNote(await repo.read(PATH));
        if (!parsed.ok) throw new Error(parsed.problem);
        const table = parseSessions(parsed.parts.body);
        expect(table.problems).toEqual([]);
        expect(table.rows).toHaveLength(1 + accepted);
        expect(parsed.properties.time_spent ?? 90).toBe(totalMinutes(table.rows));
        // Every byte of the body before the new rows and after the table is as it was.
        const at = BODY.indexOf("found it |") + "found it |".length;
        const tail = BODY.indexOf("\n\n## Notes");
        expect(parsed.parts.body.slice(0, at)).toBe(BODY.slice(0, at));
        expect(parsed.parts.body.endsWith(BODY.slice(tail))).toBe(true);
        // No two sessions overlap.
        const sorted = [...table.rows].sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
        sorted.slice(1).forEach((row, i) => expect(row.startTime.getTime()).toBeGreaterThanOrEqual(sorted[i]?.endTime.getTime() ?? 0));
      }),
      { numRuns: 40 },
    );
  });
});
