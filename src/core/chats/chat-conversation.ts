/** One AI conversation read from an export, whatever the platform: the main thread in order. */
export interface ChatMessage {
  role: "user" | "assistant";
  text: string;
  /** When it was sent, where the export says. */
  time: Date | null;
  /** The platform's id of the message, for stable ids of what is extracted from it. */
  sourceId: string;
}

export interface ChatConversation {
  platform: "chatgpt" | "claude" | "claude-code";
  /** The platform's id of the conversation: the imported note's id is derived from it. */
  sourceId: string;
  title: string;
  created: Date | null;
  updated: Date | null;
  messages: ChatMessage[];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A date from epoch seconds (ChatGPT) or an ISO string (Claude); null when missing or unreadable. */
export function chatDate(value: unknown): Date | null {
  const date = typeof value === "number" ? new Date(value * 1000) : typeof value === "string" ? new Date(value) : null;
  return date && Number.isFinite(date.getTime()) ? date : null;
}
