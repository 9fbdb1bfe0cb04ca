import type { List, ListItem, Root, RootContent, Table, TableRow } from "mdast";
import { toString } from "mdast-util-to-string";
import { parseMarkdown, renderMarkdown } from "./markdown-tree";
import { readTaskDates, taskText, type TaskDates } from "./task-dates";

/**
 * Heading sections of a note body (`## Sessions`, `## What it is`, reflection prompts). Offsets come
 * from remark's positions, so an edit replaces only the bytes of the section concerned.
 */
export interface Section {
  heading: string;
  depth: number;
  /** Offset of the heading line. */
  start: number;
  /** Offset just after the heading line. */
  contentStart: number;
  /** Offset of the next heading of the same or a higher level, or the end of the body. */
  end: number;
  /** Top-level nodes inside the section (sub-sections included). */
  nodes: RootContent[];
}

function normalizeHeading(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[:?.!]+$/, "")
    .toLowerCase();
}

/** Every heading section, in order; nested sections are contained in their parent's range. */
export function sectionsOf(markdown: string, tree: Root = parseMarkdown(markdown)): Section[] {
  const nodes = tree.children;
  const sections: Section[] = [];
  nodes.forEach((node, index) => {
    if (node.type !== "heading" || !node.position) return;
    const heading = node;
    let endIndex = index + 1;
    while (endIndex < nodes.length) {
      const next = nodes[endIndex];
      if (next?.type === "heading" && next.depth <= heading.depth) break;
      endIndex++;
    }
    const endNode = nodes[endIndex];
    const lineEnd = markdown.indexOf("\n", node.position.end.offset ?? 0);
    sections.push({
      heading: toString(heading),
      depth: heading.depth,
      start: node.position.start.offset ?? 0,
      contentStart: lineEnd === -1 ? markdown.length : lineEnd + 1,
      end: endNode?.position?.start.offset ?? markdown.length,
      nodes: nodes.slice(index + 1, endIndex),
    });
  });
  return sections;
}

/** Every section whose heading matches (case, spacing and a trailing `?`/`:` ignored), in order. */
export function findSections(markdown: string, heading: string, tree?: Root): Section[] {
  const wanted = normalizeHeading(heading);
  return sectionsOf(markdown, tree).filter((section) => normalizeHeading(section.heading) === wanted);
}

/** The first section whose heading matches (case, spacing and a trailing `?`/`:` ignored). */
export function findSection(markdown: string, heading: string, tree?: Root): Section | undefined {
  return findSections(markdown, heading, tree)[0];
}

/** The text under a heading, without the heading line; undefined when there is no such heading. */
export function sectionText(markdown: string, heading: string): string | undefined {
  const section = findSection(markdown, heading);
  return section ? markdown.slice(section.contentStart, section.end).trim() : undefined;
}

function eolOf(markdown: string): string {
  return markdown.includes("\r\n") ? "\r\n" : "\n";
}

/**
 * Replaces what is under a heading, keeping every other byte of the body. A missing section is
 * appended at the end as `## heading`.
 */
export function replaceSection(markdown: string, heading: string, content: string, depth = 2): string {
  const eol = eolOf(markdown);
  const body = content.replace(/\r?\n/g, eol).replace(/\s+$/, "");
  const section = findSection(markdown, heading);
  if (!section) {
    const separator = markdown === "" ? "" : markdown.endsWith(eol + eol) ? "" : markdown.endsWith(eol) ? eol : eol + eol;
    return `${markdown}${separator}${"#".repeat(depth)} ${heading}${eol}${body}${eol}`;
  }
  const rest = markdown.slice(section.end);
  const tail = rest === "" ? eol : eol + eol;
  return markdown.slice(0, section.contentStart) + body + tail + rest.replace(/^(\r?\n)+/, "");
}

/** The plain text of each top-level list item under a heading (reflection answers). */
export function listItemsUnder(markdown: string, heading: string): string[] {
  const section = findSection(markdown, heading);
  if (!section) return [];
  return section.nodes
    .filter((node): node is List => node.type === "list")
    .flatMap((list) => list.children.map((item: ListItem) => toString(item.children[0] ?? item).trim()))
    .filter((text) => text !== "");
}

export interface Task {
  /** The task's text without its date tokens (📅 …, [due:: …]) and block id. */
  text: string;
  checked: boolean;
  /** Where the task's list item starts in the markdown (to tick it without touching the rest). */
  offset: number;
  /** The item's first line as written, from its marker. */
  line: string;
  /** Due, scheduled, done … dates written on that line (Tasks emoji or Dataview fields). */
  dates: TaskDates;
}

/** GFM task list items among `nodes` (nested ones included), in document order. */
function collectTasks(markdown: string, nodes: readonly RootContent[]): Task[] {
  const tasks: Task[] = [];
  const walk = (children: readonly RootContent[]): void => {
    for (const node of children) {
      if (node.type === "list") {
        for (const item of node.children) {
          if (typeof item.checked === "boolean") {
            const offset = item.position?.start.offset ?? 0;
            const newline = markdown.indexOf("\n", offset);
            const line = markdown.slice(offset, newline === -1 ? markdown.length : newline).replace(/\r$/, "");
            tasks.push({ text: taskText(toString(item.children[0] ?? item)), checked: item.checked, offset, line, dates: readTaskDates(line) });
          }
          walk(item.children);
        }
      } else if ("children" in node && node.type === "blockquote") {
        walk(node.children);
      }
    }
  };
  walk(nodes);
  return tasks;
}

/**
 * Markdown tasks (`- [ ] …`, `- [x] …`) under a heading, nested ones included (milestones). `tree`:
 * the body already parsed, so a reader of several sections parses it once.
 */
export function tasksUnder(markdown: string, heading: string, tree?: Root): Task[] {
  const section = findSection(markdown, heading, tree);
  return section ? collectTasks(markdown, section.nodes) : [];
}

/** Every task of a note body (next actions). */
export function tasksIn(markdown: string, tree: Root = parseMarkdown(markdown)): Task[] {
  return collectTasks(markdown, tree.children);
}

/** The first table under a heading: its header cells and rows of cell texts, plus its byte range. */
export interface SectionTable {
  header: string[];
  rows: string[][];
  start: number;
  end: number;
}

/** The first table node under a heading, for a reader that takes its rows one at a time; `tree`: the body already parsed, if it is. */
export function tableNodeUnder(markdown: string, heading: string, tree?: Root): Table | undefined {
  const section = findSection(markdown, heading, tree);
  const table = section?.nodes.find((node): node is Table => node.type === "table");
  return table?.position ? table : undefined;
}

/** A table row's cells as plain text. */
export const cellTexts = (row: TableRow): string[] => row.children.map((cell) => toString(cell).trim());

/** The first table under a heading; `tree`: the body already parsed, if it is. */
export function tableUnder(markdown: string, heading: string, tree?: Root): SectionTable | undefined {
  const table = tableNodeUnder(markdown, heading, tree);
  if (!table?.position) return undefined;
  const [head, ...rows] = table.children.map(cellTexts);
  return { header: head ?? [], rows, start: table.position.start.offset ?? 0, end: table.position.end.offset ?? 0 };
}

const tableCell = (text: string) => ({ type: "tableCell" as const, children: text === "" ? [] : [{ type: "text" as const, value: text }] });

/** Renders a whole table (header, separator, rows) with remark, so pipes and escapes are handled for us. */
export function renderTable(header: string[], rows: string[][]): string {
  const tree: Root = {
    type: "root",
    children: [{ type: "table", children: [header, ...rows].map((cells) => ({ type: "tableRow" as const, children: cells.map(tableCell) })) }],
  };
  return renderMarkdown(tree).trimEnd();
}

/** One row as remark renders it: the last line of a one-row table. */
function renderRow(header: string[], row: string[]): string {
  const lines = renderTable(header, [row]).split("\n");
  return lines[lines.length - 1] ?? "";
}

/**
 * Appends a row to the table under `heading`, creating the section or the table when missing. Only
 * the bytes at the insertion point change.
 */
export function appendTableRow(markdown: string, heading: string, header: string[], row: string[]): string {
  const eol = eolOf(markdown);
  const table = tableUnder(markdown, heading);
  if (!table) {
    const section = findSection(markdown, heading);
    const existing = section ? markdown.slice(section.contentStart, section.end).trim() : "";
    const created = renderTable(header, [row]).replace(/\n/g, eol);
    return replaceSection(markdown, heading, existing ? `${existing}${eol}${eol}${created}` : created);
  }
  const line = renderRow(table.header.length > 0 ? table.header : header, row);
  return markdown.slice(0, table.end) + eol + line + markdown.slice(table.end);
}

/** A top-level list item under a heading as written: its first block's Markdown and its byte range. */
export interface ListItemSpan {
  /** The first block of the item as written (formatting and links kept), lines joined by a space. */
  text: string;
  /** Offset of the start of the item's first line (indentation included). */
  lineStart: number;
  /** Offset just after the item's last line, its line end included (nested items belong to it). */
  lineEnd: number;
  /** The marker as written, such as "-", "*" or "3.". */
  marker: string;
}

/** The lists directly under a heading (not under its sub-headings), with their items as written. */
export interface SectionLists {
  section: Section;
  items: ListItemSpan[];
}

function lineStartAt(markdown: string, offset: number): number {
  return markdown.lastIndexOf("\n", offset - 1) + 1;
}

function lineEndAfter(markdown: string, offset: number): number {
  const newline = markdown.indexOf("\n", offset);
  return newline === -1 ? markdown.length : newline + 1;
}

/**
 * Reflection answers: every item of the lists under a heading, before its first sub-heading, with
 * the bytes it spans so a sync can remove or add one item without touching the others.
 */
export function listItemSpans(markdown: string, heading: string, tree?: Root): SectionLists | undefined {
  const section = findSection(markdown, heading, tree);
  if (!section) return undefined;
  const items: ListItemSpan[] = [];
  for (const node of section.nodes) {
    if (node.type === "heading") break;
    if (node.type !== "list") continue;
    for (const item of node.children) {
      const first = item.children[0];
      const start = item.position?.start.offset ?? 0;
      const end = item.position?.end.offset ?? start;
      const raw = first?.position ? markdown.slice(first.position.start.offset ?? 0, first.position.end.offset ?? 0) : "";
      const marker = /^\s*([-*+]|\d+[.)])/.exec(markdown.slice(start, end))?.[1] ?? "-";
      items.push({ text: raw.replace(/\s*\r?\n\s*/g, " ").trim(), lineStart: lineStartAt(markdown, start), lineEnd: lineEndAfter(markdown, end), marker });
    }
  }
  return { section, items };
}
