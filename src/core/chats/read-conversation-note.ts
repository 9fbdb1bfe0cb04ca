import type { Heading, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { parseMarkdown } from "../codec/markdown-tree";
import { messageFromInert } from "./inert-message";

export interface NoteMessage {
  role: "user" | "assistant";
  text: string;
}

/** "You · 2026-01-05 09:00" or "You": the person; any other speaker heading is the assistant. */
function roleOf(heading: Heading): NoteMessage["role"] {
  return /^you\b/i.test(toString(heading).trim()) ? "user" : "assistant";
}

/** A message's text: the fenced block import writes, else (a note from before the fences, or edited by hand) its text. */
function textOf(nodes: RootContent[]): string {
  const only = nodes.length === 1 ? nodes[0] : undefined;
  if (only?.type === "code") return messageFromInert(only.value);
  return nodes.map((node) => (node.type === "code" ? node.value : toString(node))).join("\n\n");
}

/**
 * The messages of a conversation note, read back from its body with the Markdown parser: each
 * level-2 heading starts a message, and what follows it (one inert fenced block) is its text.
 */
export function messagesFromBody(body: string): NoteMessage[] {
  const messages: NoteMessage[] = [];
  let current: { role: NoteMessage["role"]; nodes: RootContent[] } | null = null;
  const close = (): void => {
    if (current) messages.push({ role: current.role, text: textOf(current.nodes).trim() });
  };
  for (const node of parseMarkdown(body).children) {
    if (node.type === "heading" && node.depth === 2) {
      close();
      current = { role: roleOf(node), nodes: [] };
    } else current?.nodes.push(node);
  }
  close();
  return messages.filter((message) => message.text.length > 0);
}
