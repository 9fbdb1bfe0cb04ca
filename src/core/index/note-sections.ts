import type { Nodes, Root, RootContent } from "mdast";
import { parseMarkdown } from "../codec/markdown-tree";
import { parseWikilink, type Wikilink } from "../codec/wikilinks";
import { outlineBlocks, type OutlineBlock } from "./markdown-blocks";
import { isGeneratedHeading, sessionTextColumns } from "./scaffolding";

/** A heading's section of a note: its heading path ("Methods > Analysis") and its plain text. */
export interface NoteSection {
  headingPath: string[];
  text: string;
}

export interface NoteOutline {
  /** Every non-empty heading, in order. */
  headings: string[];
  /** Sections with text, in order; text before the first heading has an empty heading path. */
  sections: NoteSection[];
  /** Wikilinks in the body's text (not in code or HTML), found in the same parse. */
  links: Wikilink[];
}

// Only finds the brackets; the link itself is split by the codec's parseWikilink.
const LINK_IN_TEXT = /!?\[\[[^[\]\n]+?\]\]/g;

// Code blocks that hold queries or drawings, not prose: they would only add noise to the index.
const QUERY_BLOCKS = new Set(["dataview", "dataviewjs", "tracker", "base", "query", "excalidraw", "json", "compressed-json"]);
const WIKILINK = /!?\[\[([^[\]\n|]*)(?:\|([^[\]\n]*))?\]\]/g;
const TEMPLATE_PLACEHOLDER = /\{\{[^{}\n]*\}\}|<%[\s\S]*?%>/g;
/** A fenced block or an inline code span (kept: Obsidian shows `%%` there as written), or an Obsidian comment (hidden). */
const CODE_OR_COMMENT = /(^(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^\2[^\n]*$|(?![\s\S])))|(`+)(?:(?!\3)[^\n])+?\3|%%[\s\S]*?%%/gm;
const CALLOUT_MARK = /\[![\w-]+\][+-]?/g;

/** Readable text for a wikilink: its alias, else its target; embeds (`![[x.png]]`) say nothing. */
function readableLinks(text: string): string {
  return text.replace(WIKILINK, (whole, target: string, alias: string | undefined) => (whole.startsWith("!") ? " " : (alias ?? target.replace(/#/g, " "))));
}

/** How to read a body: `generated` is true for LifeBetter records, whose template text is left out. */
export interface ReadOptions {
  generated: boolean;
}

/** Plain text of a node's children (cells are read without options: they hold no tables). */
function cellText(node: Nodes, links: Wikilink[]): string {
  const out: string[] = [];
  plainText(node, out, links, { generated: false });
  return out.join("").trim();
}

/**
 * A LifeBetter sessions table as the person's words only: no header, and of each row only the
 * activity, distractions and outcome (times, minutes and 1–10 scales are not text).
 */
function sessionsTable(node: Nodes, out: string[], links: Wikilink[]): boolean {
  if (node.type !== "table") return false;
  const [header, ...rows] = node.children;
  const keep = header ? sessionTextColumns(header.children.map((cell) => cellText(cell, links))) : null;
  if (!keep) return false;
  for (const row of rows) {
    const cells = keep.map((i) => row.children[i]).flatMap((cell) => (cell ? [cellText(cell, links)] : []));
    out.push(cells.filter((cell) => cell !== "").join(" ") + "\n");
  }
  return true;
}

function plainText(node: Nodes, out: string[], links: Wikilink[], options: ReadOptions): void {
  if (options.generated && sessionsTable(node, out, links)) return;
  switch (node.type) {
    case "text":
      linksIn(node.value, links);
      out.push(node.value);
      return;
    case "inlineCode":
      out.push(node.value);
      return;
    case "code":
      if (!QUERY_BLOCKS.has((node.lang ?? "").toLowerCase())) out.push("\n" + node.value + "\n");
      return;
    case "html":
    case "image":
    case "imageReference":
    case "definition":
      return;
    case "break":
      out.push("\n");
      return;
    default:
      break;
  }
  if ("children" in node) {
    for (const child of node.children) plainText(child, out, links, options);
    if (node.type === "paragraph" || node.type === "listItem" || node.type === "tableRow" || node.type === "heading") out.push("\n");
    else if (node.type === "tableCell") out.push(" ");
  }
}

/** The index's text of raw plain text: links made readable, template boilerplate removed, whitespace folded. */
function tidy(raw: string): string {
  return readableLinks(raw)
    .replace(TEMPLATE_PLACEHOLDER, " ")
    .replace(CALLOUT_MARK, " ")
    .replace(/[ \t]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}

/** Plain text of Markdown nodes, with links made readable and template boilerplate removed. */
function rawText(nodes: RootContent[], links: Wikilink[], options: ReadOptions = { generated: false }): string {
  const out: string[] = [];
  for (const node of nodes) plainText(node, out, links, options);
  return out.join("");
}

/** A record's tree (GitHub-flavoured, for its sessions table) cut into the same blocks as `outlineBlocks` gives. */
function treeBlocks(root: Root, links: Wikilink[], options: ReadOptions): OutlineBlock[] {
  const blocks: OutlineBlock[] = [];
  let pending: RootContent[] = [];
  for (const node of root.children) {
    if (node.type !== "heading") {
      pending.push(node);
      continue;
    }
    blocks.push({ depth: 0, text: rawText(pending, links, options) });
    pending = [];
    blocks.push({ depth: node.depth, text: rawText(node.children, links) });
  }
  blocks.push({ depth: 0, text: rawText(pending, links, options) });
  return blocks;
}

function linksIn(value: string, links: Wikilink[]): void {
  for (const match of value.matchAll(LINK_IN_TEXT)) {
    const link = parseWikilink(match[0]);
    if (link) links.push(link);
  }
}

const keepCode = (lang: string): boolean => !QUERY_BLOCKS.has(lang.toLowerCase());

/** A body with Obsidian comments blanked out (fenced and inline code keep theirs: Obsidian shows them there). */
function withoutComments(body: string): string {
  // Without a %% there is no comment, and the scan for code around one is all that would run.
  if (!body.includes("%%")) return body;
  return body.replace(CODE_OR_COMMENT, (match: string, fence: string | undefined, _mark: string | undefined, ticks: string | undefined) =>
    fence !== undefined || ticks !== undefined ? match : " ",
  );
}

/**
 * Splits a Markdown body (frontmatter already removed) into heading-path sections with remark, so
 * headings inside code blocks or HTML never count. Sections with no text of their own (empty
 * headings, template prompts with no answer yet) are left out: they are boilerplate, not meaning.
 * With `generated` (a LifeBetter record), the headings LifeBetter's templates write are no part of
 * the outline or of heading paths, a heading with no text under it is not listed, and the sessions
 * table keeps only what the person wrote in it.
 * Records are parsed into a tree with tables (their sessions table); other notes with CommonMark,
 * read from markdown-it's tokens (markdown-blocks.ts: the same text, a dozen times faster).
 */
export function outlineNote(body: string, options: ReadOptions = { generated: false }): NoteOutline {
  if (options.generated) return outlineNoteFromTree(body, parseMarkdown, options);
  const links: Wikilink[] = [];
  const blocks = outlineBlocks(withoutComments(body), (value) => linksIn(value, links), keepCode);
  return outlineOf(blocks, links, options);
}

/** `outlineNote` through an mdast tree from `parse` (records: GitHub-flavoured Markdown). */
export function outlineNoteFromTree(body: string, parse: (markdown: string) => Root, options: ReadOptions = { generated: false }): NoteOutline {
  const links: Wikilink[] = [];
  return outlineOf(treeBlocks(parse(withoutComments(body)), links, options), links, options);
}

function outlineOf(blocks: OutlineBlock[], links: Wikilink[], options: ReadOptions): NoteOutline {
  const headings: { title: string; used: boolean }[] = [];
  const sections: NoteSection[] = [];
  const stack: { depth: number; title: string; heading: { title: string; used: boolean } | null }[] = [];
  for (const block of blocks) {
    if (block.depth === 0) {
      const text = tidy(block.text);
      if (text !== "") {
        sections.push({ headingPath: stack.flatMap((h) => (h.heading ? [h.title] : [])), text });
        for (const h of stack) if (h.heading) h.heading.used = true;
      }
      continue;
    }
    const title = tidy(block.text).replace(/\n/g, " ");
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= block.depth) stack.pop();
    if (title === "") continue;
    const heading = options.generated && isGeneratedHeading(title) ? null : { title, used: !options.generated };
    if (heading) headings.push(heading);
    stack.push({ depth: block.depth, title, heading });
  }
  return { headings: headings.filter((h) => h.used).map((h) => h.title), sections, links };
}
