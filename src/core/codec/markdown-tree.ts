import type { Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown, gfmToMarkdown } from "mdast-util-gfm";
import { toMarkdown } from "mdast-util-to-markdown";
import { gfm } from "micromark-extension-gfm";

// Built once: building the GFM extensions costs more than parsing a short note (about 0.8 ms a
// call measured), and they hold no state between parses.
const PARSE_OPTIONS = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

/** Parses a note body with GitHub-flavoured Markdown (tables and task lists), as Obsidian renders it. */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, PARSE_OPTIONS);
}

/** Serialises an mdast tree with the same extensions; used for the few blocks LifeBetter writes. */
export function renderMarkdown(tree: Root): string {
  return toMarkdown(tree, { extensions: [gfmToMarkdown()], bullet: "-", listItemIndent: "one" });
}
