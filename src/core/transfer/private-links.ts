import type { Nodes } from "mdast";
import { SKIP, visit } from "unist-util-visit";
import { parseMarkdown } from "../codec/markdown-tree";
import { LINK_IN_TEXT, parseWikilink } from "../codec/wikilinks";
import type { LinkResolver } from "../vault/link-resolver";

/**
 * What an export writes instead of a link to a record left out as private: the link's target (the
 * private note's name) and its alias would tell the private title to whoever reads the export.
 */
export const PRIVATE_LINK = "[[private record]]";

interface Redaction {
  resolver: LinkResolver;
  /** Paths of the private records left out of the export. */
  privatePaths: ReadonlySet<string>;
  /** The note the links are in, for relative links. */
  from: string;
}

function pointsAtPrivate(raw: string, redaction: Redaction): boolean {
  const link = parseWikilink(raw);
  if (!link || link.target === "") return false;
  const path = redaction.resolver.resolve(link, redaction.from);
  return path !== null && redaction.privatePaths.has(path);
}

function redactText(text: string, redaction: Redaction): string {
  if (!text.includes("[[")) return text;
  return text.replace(LINK_IN_TEXT, (whole) => (pointsAtPrivate(whole, redaction) ? PRIVATE_LINK : whole));
}

/** Property values with every wikilink to a private record replaced (strings and lists, any depth). */
export function redactPropertyLinks(properties: Record<string, unknown>, redaction: Redaction): Record<string, unknown> {
  const walk = (value: unknown): unknown => {
    if (typeof value === "string") return redactText(value, redaction);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, walk(inner)]));
    return value;
  };
  return walk(properties) as Record<string, unknown>;
}

function markdownLinkTarget(url: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("#")) return null; // web links and same-note anchors
  try {
    return decodeURI(url.split("#")[0] ?? "");
  } catch {
    return null;
  }
}

/**
 * The body with every link to a private record replaced by PRIVATE_LINK: wikilinks in text and
 * Markdown links (`[x](Private.md)`). Code, inline code and HTML are left as written; every other
 * byte of the body is kept.
 */
export function redactBodyLinks(body: string, redaction: Redaction): string {
  if (!body.includes("[[") && !body.includes("](")) return body;
  const edits: { start: number; end: number }[] = [];
  visit(parseMarkdown(body), (node: Nodes) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === "link") {
      const target = markdownLinkTarget(node.url);
      const path = target ? redaction.resolver.resolve(target, redaction.from) : null;
      if (path && redaction.privatePaths.has(path)) {
        edits.push({ start, end });
        return SKIP;
      }
      return;
    }
    if (node.type !== "text") return;
    // The source of the text node (not its value, which has escapes undone), so offsets stay exact.
    const source = body.slice(start, end);
    for (const match of source.matchAll(LINK_IN_TEXT)) {
      if (match.index !== undefined && pointsAtPrivate(match[0], redaction))
        edits.push({ start: start + match.index, end: start + match.index + match[0].length });
    }
    return;
  });
  let out = body;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + PRIVATE_LINK + out.slice(edit.end);
  return out;
}
