import { JSONParser } from "@streamparser/json";
import { errorMessage } from "../errors";
import { isRecord, type ChatConversation } from "./chat-conversation";
import { readChatGptConversation } from "./chatgpt-export";
import { readClaudeConversation } from "./claude-export";
import { streamTranscript } from "./stream-transcript";
import type { ChatStreamOptions, ExportItem, StreamEnd } from "./chat-stream";

export type { ChatStreamOptions, ExportItem, StreamEnd };

/** A conversation of the export, or why it could not be read (position in the file, 1-based). */

/** Detects the platform of one conversation by its shape and reads it. */
export function readConversation(raw: unknown): ChatConversation | string {
  if (!isRecord(raw)) return "it is not a conversation object";
  if ("mapping" in raw) return readChatGptConversation(raw);
  if ("chat_messages" in raw) return readClaudeConversation(raw);
  return "it is neither a ChatGPT conversation (mapping) nor a Claude one (chat_messages)";
}

/** The first character of a file that is not blank (a byte-order mark skipped), and the chunks with nothing left out. */
async function firstCharacter(chunks: AsyncIterable<Uint8Array | string>): Promise<{ first: string | undefined; chunks: AsyncIterable<Uint8Array | string> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const seen: (Uint8Array | string)[] = [];
  let text = "";
  const decoder = new TextDecoder();
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    seen.push(next.value);
    text += typeof next.value === "string" ? next.value : decoder.decode(next.value.subarray(0, 64), { stream: true });
    const first = text.replace(/^\uFEFF/, "").trimStart()[0];
    if (first !== undefined) {
      const rest = { [Symbol.asyncIterator]: () => iterator };
      return {
        first,
        chunks: (async function* () {
          yield* seen;
          yield* rest;
        })(),
      };
    }
  }
  return {
    first: undefined,
    chunks: (async function* () {
      yield* seen;
    })(),
  };
}

/**
 * Streams a chat export, telling its format by its content: a JSON list (`[`) is a ChatGPT or Claude
 * `conversations.json`; JSON lines (`{`) a Claude Code session transcript (stream-transcript.ts).
 */
export async function streamChatExport(
  chunks: AsyncIterable<Uint8Array | string>,
  handle: (item: ExportItem) => Promise<void>,
  options: ChatStreamOptions = {},
): Promise<StreamEnd> {
  const { first, chunks: all } = await firstCharacter(chunks);
  if (first === "{") return streamTranscript(all, handle, options);
  return streamConversationList(all, handle, options);
}

/**
 * Streams a `conversations.json` (a JSON list of conversations) chunk by chunk, handing each
 * conversation to `handle` as soon as it is complete, so a 100 MB export never sits in memory as one
 * string or one object tree. Between chunks it yields to the UI and reports progress; an abort stops
 * it after the conversation in hand. A file that turns out not to be JSON, or is cut short, ends
 * with a message; what was handled before stays handled.
 */
async function streamConversationList(
  chunks: AsyncIterable<Uint8Array | string>,
  handle: (item: ExportItem) => Promise<void>,
  options: ChatStreamOptions = {},
): Promise<StreamEnd> {
  // keepStack false: emitted conversations are dropped from the parser's memory. A string buffer
  // makes long messages ~3x faster to read than building them a character at a time (measured).
  const parser = new JSONParser({ paths: ["$.*"], keepStack: false, stringBufferSize: 64 * 1024 });
  const ready: ExportItem[] = [];
  let count = 0;
  let started = false;
  parser.onValue = ({ value }) => {
    count++;
    const read = readConversation(value);
    ready.push(typeof read === "string" ? { index: count, problem: read } : { index: count, conversation: read });
  };
  const yieldToUi = options.yieldToUi ?? (() => Promise.resolve());
  let bytes = 0;
  const drain = async (): Promise<void> => {
    while (ready.length > 0) {
      if (options.signal?.aborted) return;
      await handle(ready.shift() as ExportItem);
    }
  };
  const cutShort = async (error: unknown): Promise<StreamEnd> => {
    await drain(); // the conversations completed before the bad spot are still imported
    return failure(
      `The file is not complete JSON after ${count} conversations (${errorMessage(error)}); it may be cut short. The conversations before that point were read.`,
    );
  };
  for await (const chunk of chunks) {
    if (options.signal?.aborted) break;
    if (!started) {
      const text = typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk.subarray(0, 64));
      const first = text.replace(/^\uFEFF/, "").trimStart()[0];
      if (first === undefined) continue;
      if (first !== "[")
        return failure(
          `The file is not a conversations export: it should be a JSON list of conversations (starting with "[") or a Claude Code transcript (JSON lines, starting with "{"), but it starts with "${first}".`,
        );
      started = true;
    }
    try {
      parser.write(chunk);
    } catch (error) {
      return cutShort(error);
    }
    bytes += typeof chunk === "string" ? chunk.length : chunk.byteLength;
    await drain(); // errors writing notes are not JSON errors: they propagate to the caller
    options.onProgress?.(bytes, options.totalBytes);
    await yieldToUi();
  }
  if (options.signal?.aborted) return { ok: false, cancelled: true, message: `Cancelled after ${count} conversations; those already imported are kept.` };
  if (!started) return failure("The file is empty: there are no conversations in it.");
  try {
    if (!parser.isEnded) parser.end();
  } catch (error) {
    return cutShort(error);
  }
  await drain();
  return { ok: true };
}

function failure(message: string): StreamEnd {
  return { ok: false, cancelled: false, message };
}
