import { fromMarkdown } from "mdast-util-from-markdown";
import { visit } from "unist-util-visit";

/** One `[[target#subpath|alias]]` link. */
export interface Wikilink {
  /** The note or file named, without `#heading` or `^block`; empty for a link to the same note. */
  target: string;
  subpath?: string;
  alias?: string;
  embed: boolean;
}

// Obsidian's wikilink syntax is not CommonMark, so remark leaves it inside text nodes. We let
// remark find the text (skipping code, inline code and HTML) and only match the brackets here.
export const LINK_IN_TEXT = /(!?)\[\[([^[\]\n]+?)\]\]/g;
const WHOLE_LINK = /^\s*!?\[\[([^[\]\n]+?)\]\]\s*$/;

function splitInner(inner: string, embed: boolean): Wikilink {
  const pipe = inner.indexOf("|");
  const destination = (pipe >= 0 ? inner.slice(0, pipe) : inner).replace(/\\$/, "");
  const alias = pipe >= 0 ? inner.slice(pipe + 1) : undefined;
  const hash = destination.indexOf("#");
  const target = (hash >= 0 ? destination.slice(0, hash) : destination).trim();
  const subpath = hash >= 0 ? destination.slice(hash + 1) : undefined;
  return { target, subpath, alias, embed };
}

/** A property value that is exactly one wikilink, like `"[[Ship v2]]"`; null otherwise. */
export function parseWikilink(value: string): Wikilink | null {
  const match = WHOLE_LINK.exec(value);
  return match?.[1] ? splitInner(match[1], value.trimStart().startsWith("!")) : null;
}

/** Every wikilink in a Markdown body, ignoring code and HTML. */
export function linksInMarkdown(markdown: string): Wikilink[] {
  const links: Wikilink[] = [];
  if (!markdown.includes("[[")) return links;
  visit(fromMarkdown(markdown), "text", (node) => {
    for (const match of node.value.matchAll(LINK_IN_TEXT)) {
      if (match[2]) links.push(splitInner(match[2], match[1] === "!"));
    }
  });
  return links;
}

/** Every wikilink in property values (strings and lists of strings, at any depth). */
export function linksInProperties(properties: Record<string, unknown>): Wikilink[] {
  const links: Wikilink[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === "string") {
      for (const match of value.matchAll(LINK_IN_TEXT)) {
        if (match[2]) links.push(splitInner(match[2], match[1] === "!"));
      }
    } else if (Array.isArray(value)) {
      value.forEach(walk);
    } else if (value && typeof value === "object") {
      Object.values(value).forEach(walk);
    }
  };
  walk(properties);
  return links;
}

/** The link text to store for a note: `[[Name]]`. */
export function linkTo(noteName: string): string {
  return `[[${noteName}]]`;
}
