import type { ChatConversation } from "./chat-conversation";

/** What reading an export yields: a conversation, or why one item could not be read. */
export type ExportItem = { index: number; conversation: ChatConversation } | { index: number; problem: string };

export interface ChatStreamOptions {
  /** The file's size, for progress (bytes). */
  totalBytes?: number;
  onProgress?: (bytesRead: number, totalBytes: number | undefined) => void;
  signal?: AbortSignal;
  /** Lets the app paint between chunks (the plugin passes a zero-delay window timer); none by default. */
  yieldToUi?: () => Promise<void>;
}

/** How reading ended; `skipped` says what was left out of a file that was otherwise read. */
export type StreamEnd = { ok: true; skipped?: string[] } | { ok: false; cancelled: boolean; message: string };
