import { chatDate, isRecord, type ChatConversation, type ChatMessage } from "./chat-conversation";

function messageText(message: Record<string, unknown>): string {
  if (typeof message.text === "string" && message.text.trim() !== "") return message.text.trim();
  if (!Array.isArray(message.content)) return "";
  return message.content
    .filter((block): block is Record<string, unknown> => isRecord(block) && block.type === "text" && typeof block.text === "string")
    .map((block) => block.text as string)
    .join("\n")
    .trim();
}

/** A Claude conversation: `chat_messages` in order, `sender` human or assistant. */
export function readClaudeConversation(raw: Record<string, unknown>): ChatConversation | string {
  if (!Array.isArray(raw.chat_messages)) return "it has no chat_messages list";
  if (typeof raw.uuid !== "string" || raw.uuid === "") return "it has no conversation uuid";
  const messages: ChatMessage[] = [];
  for (const [index, item] of raw.chat_messages.entries()) {
    if (!isRecord(item)) continue;
    const role = item.sender === "human" ? "user" : item.sender === "assistant" ? "assistant" : null;
    const text = messageText(item);
    if (!role || text === "") continue;
    messages.push({ role, text, time: chatDate(item.created_at), sourceId: typeof item.uuid === "string" ? item.uuid : `${raw.uuid}#${index}` });
  }
  return {
    platform: "claude",
    sourceId: raw.uuid,
    title: typeof raw.name === "string" && raw.name.trim() !== "" ? raw.name.trim() : "Untitled conversation",
    created: chatDate(raw.created_at),
    updated: chatDate(raw.updated_at),
    messages,
  };
}
