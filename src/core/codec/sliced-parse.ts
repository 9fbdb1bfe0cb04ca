import type { Nodes, Root, RootContent, Table } from "mdast";
import { parseMarkdown } from "./markdown-tree";

/**
 * `parseMarkdown` for long notes, in pieces with a tick between them, giving the very same tree
 * (positions included). Parsing grows with the note (about 0.5 ms a table row measured, most of it
 * building the mdast tree), so a problem with a year of Sessions rows was one long synchronous step.
 *
 * Long runs of lines holding a `|` (a table's rows) are parsed apart: the rest of the note (the
 * skeleton) is parsed with the run's first rows and its last row only; where the parser shows those
 * kept rows are consecutive rows of one top-level table, the rows between are parsed in groups, each
 * group under that table's own header and delimiter lines (and the note's link definitions, which any
 * cell may use), and spliced in. Every decision is the parser's: a run it does not read as rows of
 * one table (a code block of shell pipes, a heading with a pipe) is left in the skeleton.
 */

/** Rows parsed in one piece (and kept at the head of a run): about 2 ms warm and 15 ms the first time, measured. */
export const ROWS_PER_PIECE = 5;
/**
 * Shorter runs are parsed whole (a few milliseconds): every parse call re-runs mdast's `compiler`
 * set-up, and once that many calls make it hot, V8 spends about 0.4 s of CPU optimising it
 * (measured with --trace-opt), so pieces are kept to the tables that need them.
 */
export const MIN_RUN_LINES = 40;

type Point = NonNullable<Nodes["position"]>["start"];

interface Line {
  /** The line with its `\n` (the last line has none). */
  text: string;
  /** Offset of its first character in the note. */
  offset: number;
}

/** A run of lines, by 0-based line index in the note: `[head, last)` are left out of the skeleton. */
interface Run {
  head: number;
  last: number;
}

function linesOf(markdown: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  // The last line is empty when the note ends in a newline, as the parser's points count it.
  for (;;) {
    const end = markdown.indexOf("\n", offset) + 1;
    lines.push({ text: markdown.slice(offset, end || undefined), offset });
    if (end === 0) return lines;
    offset = end;
  }
}

/** Runs of lines with a `|` long enough to be worth parsing apart. Only a hint: the parser decides. */
function candidateRuns(lines: readonly Line[]): Run[] {
  const runs: Run[] = [];
  let start = -1;
  const close = (end: number): void => {
    // The run's first ROWS_PER_PIECE lines and its last line stay in the skeleton.
    if (start >= 0 && end - start > Math.max(MIN_RUN_LINES, 2 * ROWS_PER_PIECE)) runs.push({ head: start + ROWS_PER_PIECE, last: end - 1 });
    start = -1;
  };
  lines.forEach((line, i) => {
    const piped = line.text.includes("|") && line.text.trim() !== "";
    if (piped && start < 0) start = i;
    if (!piped) close(i);
  });
  close(lines.length);
  return runs;
}

function visit(node: Nodes, each: (node: Nodes) => void): void {
  each(node);
  if ("children" in node) for (const child of node.children) visit(child, each);
}

/** Moves every point of a tree from a piece's coordinates into the note's: lines are whole in both. */
function relocate(node: Nodes, lineInNote: (line: number) => number, pieceLines: readonly Line[], lines: readonly Line[]): void {
  const move = (point: Point): void => {
    const line = lineInNote(point.line);
    point.offset = (point.offset ?? 0) - pieceLines[point.line - 1]!.offset + lines[line - 1]!.offset;
    point.line = line;
  };
  visit(node, (each) => {
    if (!each.position) return;
    move(each.position.start);
    move(each.position.end);
  });
}

/** The skeleton: the note without the runs' middle lines, and each skeleton line's line in the note (1-based). */
function skeletonOf(lines: readonly Line[], runs: readonly Run[]): { text: string; lines: Line[]; lineInNote: number[] } {
  const kept: number[] = [];
  let r = 0;
  for (let i = 0; i < lines.length; i++) {
    const run = runs[r];
    if (run && i === run.head) {
      i = run.last - 1;
      r++;
      continue;
    }
    kept.push(i);
  }
  const text = kept.map((i) => lines[i]!.text).join("");
  const skeleton: Line[] = [];
  let offset = 0;
  for (const i of kept) {
    skeleton.push({ text: lines[i]!.text, offset });
    offset += lines[i]!.text.length;
  }
  return { text, lines: skeleton, lineInNote: kept.map((i) => i + 1) };
}

/** The top-level table in which the skeleton's lines `before` and `before + 1` are consecutive single-line rows, and the row index of the first. */
function tableAround(tree: Root, before: number): { table: Table; row: number } | undefined {
  for (const node of tree.children) {
    if (node.type !== "table" || !node.position) continue;
    if (node.position.start.line >= before || node.position.end.line <= before) continue;
    const row = node.children.findIndex((r) => r.position?.start.line === before);
    const next = node.children[row + 1];
    // Row 0 is the header: the elided lines must sit among the body rows.
    if (row < 1 || !next?.position) return undefined;
    const single = [node.children[row]!, next].every((r) => r.position?.start.line === r.position?.end.line);
    return single && next.position.start.line === before + 1 ? { table: node, row } : undefined;
  }
  return undefined;
}

/** Link and footnote definitions of the skeleton, as written, before and after `line`: a cell may use any of them. */
function definitions(tree: Root, text: string, line: number): { before: string; after: string } | undefined {
  let nested = false;
  visit(tree, (node) => {
    if ((node.type === "definition" || node.type === "footnoteDefinition") && !tree.children.includes(node)) nested = true;
  });
  if (nested) return undefined;
  const source = (node: RootContent): string => text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  const defined = tree.children.filter((node) => node.type === "definition" || node.type === "footnoteDefinition");
  return {
    before: defined
      .filter((node) => (node.position?.start.line ?? 0) < line)
      .map((node) => `${source(node)}\n\n`)
      .join(""),
    after: defined
      .filter((node) => (node.position?.start.line ?? 0) > line)
      .map((node) => `\n\n${source(node)}`)
      .join(""),
  };
}

/**
 * Parses `rows` (0-based note lines `[from, to)`) under the table's header and delimiter lines, one
 * piece per call, and returns the rows in the note's coordinates; undefined when the parser does not
 * read every one of them (and the line after them) as a row of that one table.
 */
function parseRows(lines: readonly Line[], from: number, to: number, head: string, defs: { before: string; after: string }): Nodes[] | undefined {
  const ahead = lines[to];
  const body = lines.slice(from, to + 1).map((line) => line.text);
  // The line after the piece is parsed too (and dropped), so no row is read as the table's last when it is not.
  const lastText = body[body.length - 1]!;
  if (!lastText.endsWith("\n")) body[body.length - 1] = `${lastText}\n`;
  const prefix = `${defs.before}${head}`;
  const piece = `${prefix}${body.join("")}${defs.after}`;
  const tree = parseMarkdown(piece);
  const firstLine = prefix.split("\n").length; // 1-based line of the piece's first row
  const table = tree.children.find((node): node is Table => node.type === "table");
  const count = to - from;
  if (!table?.position || !ahead || table.position.start.line !== firstLine - 2 || table.children.length !== count + 2) return undefined;
  const pieceLines = linesOf(piece);
  const rows = table.children.slice(1, count + 1);
  if (rows.some((row, i) => row.position?.start.line !== firstLine + i || row.position.end.line !== firstLine + i)) return undefined;
  for (const row of rows) relocate(row, (line) => from + 1 + (line - firstLine), pieceLines, lines);
  return rows;
}

/** `parseMarkdown(markdown)`, in pieces of at most about ROWS_PER_PIECE table rows with `tick` awaited between them. */
export async function parseMarkdownInSlices(markdown: string, tick: () => Promise<void>): Promise<Root> {
  // A lone carriage return is a line ending to the parser but not to linesOf: such a note is parsed whole.
  if (/\r(?!\n)/.test(markdown)) return parseMarkdown(markdown);
  const lines = linesOf(markdown);
  let runs = candidateRuns(lines);
  if (runs.length === 0) return parseMarkdown(markdown);
  for (;;) {
    const skeleton = skeletonOf(lines, runs);
    const tree = parseMarkdown(skeleton.text);
    await tick();
    // Skeleton line (1-based) of each run's last kept head row.
    const before = runs.map((run) => skeleton.lineInNote.indexOf(run.head) + 1);
    const tables = before.map((line) => tableAround(tree, line));
    const understood = runs.filter((_, i) => tables[i] !== undefined);
    if (understood.length < runs.length) {
      // The parser reads some run otherwise: parse it whole, within the skeleton.
      runs = understood;
      if (runs.length === 0) return parseMarkdown(markdown);
      continue;
    }
    const pieces: Nodes[][] = [];
    for (const [i, run] of runs.entries()) {
      const { table } = tables[i]!;
      const headerLine = table.position!.start.line;
      const head = skeleton.lines[headerLine - 1]!.text + skeleton.lines[headerLine]!.text;
      // A definition inside a list or quote cannot be lifted out as written: rare enough to parse whole.
      const defs = definitions(tree, skeleton.text, headerLine);
      if (!defs) return parseMarkdown(markdown);
      const rows: Nodes[] = [];
      for (let from = run.head; from < run.last && rows.length === from - run.head; from += ROWS_PER_PIECE) {
        rows.push(...(parseRows(lines, from, Math.min(from + ROWS_PER_PIECE, run.last), head, defs) ?? []));
        await tick();
      }
      pieces.push(rows);
    }
    // A run whose rows the parser does not read as rows of that table (a heading with a pipe among
    // them) is parsed whole, within the skeleton.
    const whole = runs.filter((run, i) => pieces[i]!.length !== run.last - run.head);
    if (whole.length > 0) {
      runs = runs.filter((run) => !whole.includes(run));
      if (runs.length === 0) return parseMarkdown(markdown);
      continue;
    }
    relocate(tree, (line) => skeleton.lineInNote[line - 1] ?? lines.length, skeleton.lines, lines);
    // Last run first, so a table holding two runs keeps the row index of the first.
    for (let i = runs.length - 1; i >= 0; i--) {
      const { table, row } = tables[i]!;
      table.children.splice(row + 1, 0, ...(pieces[i] as Table["children"]));
    }
    return tree;
  }
}
