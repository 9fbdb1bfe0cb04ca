import type { RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { parseMarkdown } from "../codec/markdown-tree";

/** The prose of Markdown text: its headings, paragraphs and list items, not its code, tables or HTML. */
export function proseOf(markdown: string): string[] {
  const out: string[] = [];
  const walk = (nodes: RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === "paragraph" || node.type === "heading") out.push(toString(node));
      else if (node.type === "list" || node.type === "listItem" || node.type === "blockquote") walk(node.children);
    }
  };
  walk(parseMarkdown(markdown).children);
  return out;
}
