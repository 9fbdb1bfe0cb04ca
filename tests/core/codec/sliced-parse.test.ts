import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../../src/core/codec/markdown-tree";
import { parseMarkdownInSlices, ROWS_PER_PIECE } from "../../../src/core/codec/sliced-parse";
import { parseSessions } from "../../../src/core/problems/sessions-table";
import { milestoneProgress } from "../../../src/core/problems/milestones";
import { seededRandom } from "../../support/seeded-random";

const HEADER = "| start | end | minutes | focus | energy | activity | distractions | outcome |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n";

function row(i: number, random: () => number): string {
  const day = String(1 + (i % 28)).padStart(2, "0");
  const cells = [
    `2026-08-${day}T09:00:00+01:00`,
    `2026-08-${day}T10:00:00+01:00`,
    "45",
    String(1 + Math.floor(random() * 10)),
    "",
    "coding: step",
    "2: phone",
    "done",
  ];
  const odd = Math.floor(random() * 12);
  // Cells a person writes by hand: escaped pipes, code spans, links, emphasis, out-of-range values.
  if (odd === 0) cells[7] = "split `a \\| b` in two";
  if (odd === 1) cells[7] = "see [[Other note|alias]] and *this*";
  if (odd === 2) cells[3] = "11";
  if (odd === 3) cells[7] = "escaped \\| pipe and [ref] and [^1]";
  if (odd === 4) return "|  |  |  |  |  |  |  |  |\n";
  if (odd === 5) return `${cells.join(" | ")}\n`;
  return `| ${cells.join(" | ")} |\n`;
}

const rows = (count: number, seed = 1): string => {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => row(i, random)).join("");
};

let ticks = 0;
const tick = (): Promise<void> => {
  ticks++;
  return Promise.resolve();
};

/** The sliced parse must give the one-shot tree, node for node and position for position. */
async function expectSameTree(body: string): Promise<void> {
  expect(await parseMarkdownInSlices(body, tick)).toEqual(parseMarkdown(body));
}

describe("parseMarkdownInSlices", () => {
  it("reads a year of Sessions rows exactly as one parse does, yielding between pieces", async () => {
    const body = `About it.\n\n## Sessions\n${HEADER}${rows(400)}\n## Milestones\n- [ ] First 📅 2026-09-01\n- [x] Second\n`;
    ticks = 0;
    const tree = await parseMarkdownInSlices(body, tick);
    expect(tree).toEqual(parseMarkdown(body));
    expect(ticks).toBeGreaterThanOrEqual(400 / ROWS_PER_PIECE - 2);
    expect(parseSessions(body, tree)).toEqual(parseSessions(body));
    expect(parseSessions(body, tree).rows.length).toBeGreaterThan(300);
    expect(milestoneProgress(body, tree)).toEqual(milestoneProgress(body));
  });

  it.each([
    ["a table ending the note without a newline", `## Sessions\n${HEADER}${rows(130).trimEnd()}`],
    ["Windows line endings", `## Sessions\r\n${HEADER.replace(/\n/g, "\r\n")}${rows(120).replace(/\n/g, "\r\n")}\r\nAfter.\r\n`],
    ["a lone carriage return among the rows", `## Sessions\n${HEADER}${rows(60, 2)}| a \r b |\n${rows(60, 15)}`],
    ["columns in another order", `## Sessions\n| outcome | end | start | focus |\n|:--|--:|:-:|---|\n${rows(90, 3)}\nText after.\n`],
    ["two Sessions sections", `## Sessions\n${HEADER}${rows(80, 4)}\n## Sessions\n${HEADER}${rows(70, 5)}`],
    ["a paragraph line after the rows, which GFM reads as a row", `## Sessions\n${HEADER}${rows(90, 6)}no pipe here\n| 1 | 2 |\n`],
    ["two long runs of rows in one table, split by a row without a pipe", `## Sessions\n${HEADER}${rows(60, 16)}no pipe here\n${rows(60, 17)}`],
    ["a heading with a pipe inside the run", `## Sessions\n${HEADER}${rows(60, 7)}# Heading | with pipe\n${rows(60, 8)}`],
    ["link and footnote definitions before and after", `[ref]: https://example.com\n\n## Sessions\n${HEADER}${rows(100, 9)}\n[^1]: A footnote.\n`],
    ["a definition inside a list", `- item\n\n  [ref]: https://example.com\n\n## Sessions\n${HEADER}${rows(100, 10)}`],
    ["a code block of shell pipes", `## Notes\n\`\`\`sh\n${"cat a | grep b | wc -l\n".repeat(120)}\`\`\`\n`],
    ["a table inside a list", `- A list\n\n  ${HEADER.replace(/\n(?=.)/g, "\n  ")}${rows(90, 11).replace(/^/gm, "  ")}`],
    ["a table inside a quote", `> ${HEADER.replace(/\n(?=.)/g, "\n> ")}${rows(90, 12).replace(/^(?=.)/gm, "> ")}`],
    ["pipe lines that are no table", `## Sessions\n${"a | b\n".repeat(120)}`],
    ["a table that interrupts a paragraph", `Some text\n${HEADER}${rows(100, 13)}`],
    ["a header with fewer cells than the rows", `| start | end |\n| --- | --- |\n${rows(100, 14)}`],
  ])("gives the one-shot tree for %s", async (_name, body) => {
    await expectSameTree(body);
    expect(parseSessions(body, await parseMarkdownInSlices(body, tick))).toEqual(parseSessions(body));
  });

  it("gives the one-shot tree on generated problem notes of every size", async () => {
    const random = seededRandom(42);
    for (const count of [0, 1, 49, 50, 51, 52, 75, 76, 77, 101, 250]) {
      const intro = random() < 0.5 ? "## What it is\nA problem.\n\n" : "";
      const body = `${intro}## Sessions\n${HEADER}${rows(count, count)}${random() < 0.5 ? "\n## Milestones\n- [ ] Next\n" : ""}`;
      await expectSameTree(body);
    }
  });
});
