import { format } from "date-fns";
import { linkTo } from "../codec/wikilinks";
import { creationTimes, isoDate, isoDateTime } from "../dates/timestamps";
import type { ChatConversation, ChatMessage } from "./chat-conversation";
import { inertMessage } from "./inert-message";

const SPEAKER: Record<ChatConversation["platform"], string> = { chatgpt: "ChatGPT", claude: "Claude", "claude-code": "Claude Code" };

/** When the conversation began and last changed: the export's dates, else its messages' times. */
export function conversationSpan(conversation: ChatConversation): { started: Date | null; ended: Date | null } {
  const times = conversation.messages.map((message) => message.time).filter((time): time is Date => time !== null);
  return { started: conversation.created ?? times[0] ?? null, ended: times[times.length - 1] ?? conversation.updated ?? null };
}

export function conversationProperties(conversation: ChatConversation, id: string, now: Date): Record<string, unknown> {
  const { started, ended } = conversationSpan(conversation);
  const properties: Record<string, unknown> = {
    id,
    kind: "conversation",
    ...creationTimes(now),
    platform: conversation.platform,
  };
  if (started) properties.started = isoDateTime(started);
  if (ended) properties.ended = isoDateTime(ended);
  properties.messages = conversation.messages.length;
  properties.source = "import";
  // The platform's own id, so the user can find the original conversation again.
  properties.source_id = conversation.sourceId;
  return properties;
}

function heading(message: ChatMessage, platform: ChatConversation["platform"]): string {
  const who = message.role === "user" ? "You" : SPEAKER[platform];
  return message.time ? `## ${who} · ${format(message.time, "yyyy-MM-dd HH:mm")}` : `## ${who}`;
}

/**
 * The messages as the note's body: one heading per message and the text under it in an inert fenced
 * block (see inert-message), so no message can run a plugin or fake a heading.
 */
export function conversationBody(conversation: ChatConversation): string {
  return conversation.messages.map((message) => `${heading(message, conversation.platform)}\n\n${inertMessage(message.text)}`).join("\n");
}

const QUESTION_START =
  /^(how|what|why|when|where|who|whom|whose|which|can|could|should|would|will|is|are|am|was|were|do|does|did|have|has|may|might|shall|any|explain|help)\b/i;

/** A user message that asks something: a question mark in its opening, or a question word first. */
export function isQuestion(text: string): boolean {
  const opening = text.trim().slice(0, 400);
  return opening.includes("?") || QUESTION_START.test(opening);
}

export function questionProperties(message: ChatMessage, id: string, conversationNote: string, now: Date): Record<string, unknown> {
  const when = message.time ?? now;
  return {
    id,
    kind: "entry",
    type: "question",
    ...creationTimes(now),
    timestamp: isoDateTime(when),
    source: "import",
    conversation: linkTo(conversationNote),
  };
}

/** The conversation note's file name: its start date and title. */
export function conversationStem(title: string, started: Date | null, safeStem: (text: string) => string): string {
  const name = safeStem(title) || "conversation";
  return started ? `${isoDate(started)} ${name}` : name;
}
