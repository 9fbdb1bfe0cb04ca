import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../../src/core/codec/markdown-tree";
import { parseSessions } from "../../../src/core/problems/sessions-table";
import { milestoneProgress } from "../../../src/core/problems/milestones";
import { appendTableRow, findSection, listItemsUnder, replaceSection, sectionText, tableUnder, tasksUnder } from "../../../src/core/codec/sections";

const problem = `Intro paragraph.

## Milestones
- [x] Reproduce the bug
- [ ] Write the fix
  - [ ] Nested check
- plain item, not a task

## Sessions
| start | end | minutes | focus | energy | activity | distractions | outcome |
| --- | --- | --- | --- | --- | --- | --- | --- |
| 2026-11-20T09:00:00+01:00 | 2026-11-20T10:30:00+01:00 | 90 | 7 | 6 | debugging | slack | found it |

## Notes
Keep this text exactly.   
`;

describe("body sections", () => {
  it("finds sections by heading, ignoring case and trailing punctuation", () => {
    expect(findSection(problem, "milestones")?.heading).toBe("Milestones");
    expect(sectionText("# Day\n\n## What worked?\n- a\n", "What worked")).toBe("- a");
    expect(findSection(problem, "Missing")).toBeUndefined();
  });

  it("reads tasks, nested ones included, and ignores plain list items", () => {
    expect(tasksUnder(problem, "Milestones").map(({ text, checked }) => ({ text, checked }))).toEqual([
      { text: "Reproduce the bug", checked: true },
      { text: "Write the fix", checked: false },
      { text: "Nested check", checked: false },
    ]);
  });

  it("reads the sessions table", () => {
    const table = tableUnder(problem, "Sessions");
    expect(table?.header).toEqual(["start", "end", "minutes", "focus", "energy", "activity", "distractions", "outcome"]);
    expect(table?.rows).toEqual([["2026-11-20T09:00:00+01:00", "2026-11-20T10:30:00+01:00", "90", "7", "6", "debugging", "slack", "found it"]]);
  });

  it("reads sessions and milestones from one parse of the body, as from the text", () => {
    // The pattern engine parses a problem once and reads both from that tree.
    const tree = parseMarkdown(problem);
    expect(parseSessions(problem, tree)).toEqual(parseSessions(problem));
    expect(parseSessions(problem, tree).rows.map((row) => row.minutes)).toEqual([90]);
    expect(milestoneProgress(problem, tree)).toEqual(milestoneProgress(problem));
    expect(milestoneProgress(problem, tree).done).toBe(1);
    expect(tableUnder(problem, "Sessions", tree)).toEqual(tableUnder(problem, "Sessions"));
  });

  it("appends a row, escaping pipes, and changes no other byte", () => {
    const row = ["2026-11-21T09:00:00+01:00", "2026-11-21T09:45:00+01:00", "45", "8", "7", "a | b", "", "done"];
    const next = appendTableRow(problem, "Sessions", [], row);
    const table = tableUnder(next, "Sessions");
    expect(table?.rows[1]).toEqual(row);
    const inserted = next.length - problem.length;
    const at = problem.indexOf("found it |") + "found it |".length;
    expect(next.slice(0, at)).toBe(problem.slice(0, at));
    expect(next.slice(at + inserted)).toBe(problem.slice(at));
  });

  it("creates the section and table when a note has none, keeping CRLF", () => {
    const next = appendTableRow("Just text.\r\n", "Sessions", ["start", "end"], ["a", "b"]);
    expect(next.startsWith("Just text.\r\n\r\n## Sessions\r\n| start | end |\r\n")).toBe(true);
    expect(next.includes("\n") && !/[^\r]\n/.test(next)).toBe(true);
    expect(tableUnder(next, "Sessions")?.rows).toEqual([["a", "b"]]);
  });

  it("replaces one section's content and leaves the others as they were", () => {
    const next = replaceSection(problem, "Milestones", "- [ ] Only this");
    expect(tasksUnder(next, "Milestones").map(({ text, checked }) => ({ text, checked }))).toEqual([{ text: "Only this", checked: false }]);
    expect(next.startsWith("Intro paragraph.\n\n## Milestones\n- [ ] Only this\n\n## Sessions\n")).toBe(true);
    expect(next.endsWith(problem.slice(problem.indexOf("## Sessions")))).toBe(true);
  });

  it("reads list answers under reflection prompts", () => {
    const day = "## What worked?\n- Pairing\n- Short **focused** blocks\n\n## Wins\n\n## Gratitude\n* Sun\n";
    expect(listItemsUnder(day, "What worked")).toEqual(["Pairing", "Short focused blocks"]);
    expect(listItemsUnder(day, "Wins")).toEqual([]);
    expect(listItemsUnder(day, "Gratitude")).toEqual(["Sun"]);
  });

  it("does not mistake a heading inside a code block for a section", () => {
    expect(findSection("```\n## Sessions\n```\n", "Sessions")).toBeUndefined();
  });
});
