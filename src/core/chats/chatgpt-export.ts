import { chatDate, isRecord, type ChatConversation, type ChatMessage } from "./chat-conversation";

/** Text of a ChatGPT message: the string parts (images and other attachments are objects and are left out). */
function messageText(content: unknown): string {
  if (!isRecord(content)) return "";
  if (Array.isArray(content.parts)) {
    return content.parts
      .filter((part): part is string => typeof part === "string")
      .join("\n")
      .trim();
  }
  return typeof content.text === "string" ? content.text.trim() : "";
}

/**
 * A ChatGPT conversation (`mapping` is a tree of message nodes; edits and regenerations are branches).
 * The thread the user last saw runs from `current_node` up through the parents to the root; it is
 * read backwards and reversed. Returns a problem when the shape is not a ChatGPT conversation.
 */
export function readChatGptConversation(raw: Record<string, unknown>): ChatConversation | string {
  const { mapping } = raw;
  if (!isRecord(mapping)) return "it has no message tree (mapping)";
  const sourceId = typeof raw.conversation_id === "string" ? raw.conversation_id : typeof raw.id === "string" ? raw.id : null;
  if (!sourceId) return "it has no conversation id";
  let nodeId: unknown = raw.current_node;
  if (typeof nodeId !== "string" || !isRecord(mapping[nodeId])) {
    // Without a current node, follow the last child from the root.
    nodeId = lastLeaf(mapping);
  }
  const thread: ChatMessage[] = [];
  const visited = new Set<string>();
  while (typeof nodeId === "string" && !visited.has(nodeId)) {
    visited.add(nodeId); // a cycle in a damaged file must not loop forever
    const node = mapping[nodeId];
    if (!isRecord(node)) break;
    const message = node.message;
    if (isRecord(message) && isRecord(message.author)) {
      const role = message.author.role;
      const hidden = isRecord(message.metadata) && message.metadata.is_visually_hidden_from_conversation === true;
      const text = messageText(message.content);
      if ((role === "user" || role === "assistant") && !hidden && text !== "") {
        thread.push({ role, text, time: chatDate(message.create_time), sourceId: typeof message.id === "string" ? message.id : nodeId });
      }
    }
    nodeId = node.parent;
  }
  thread.reverse();
  return {
    platform: "chatgpt",
    sourceId,
    title: typeof raw.title === "string" && raw.title.trim() !== "" ? raw.title.trim() : "Untitled conversation",
    created: chatDate(raw.create_time),
    updated: chatDate(raw.update_time),
    messages: thread,
  };
}

function lastLeaf(mapping: Record<string, unknown>): string | null {
  const root = Object.entries(mapping).find(([, node]) => isRecord(node) && (node.parent === null || node.parent === undefined));
  let current = root?.[0] ?? null;
  const visited = new Set<string>();
  while (current && !visited.has(current)) {
    visited.add(current);
    const node = mapping[current];
    const children = isRecord(node) && Array.isArray(node.children) ? node.children.filter((child): child is string => typeof child === "string") : [];
    const next = children[children.length - 1];
    if (!next) return current;
    current = next;
  }
  return current;
}
