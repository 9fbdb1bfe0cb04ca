import { errorMessage } from "../errors";
import { ClaudeCodeTranscript } from "./claude-code-transcript";
import type { ChatStreamOptions, ExportItem, StreamEnd } from "./chat-stream";

/** Bad lines named in the report at most; the rest are counted. */
const NAMED_BAD_LINES = 5;

/**
 * Streams a Claude Code transcript (JSON Lines: one JSON object a line) chunk by chunk and line by
 * line, then hands its one conversation to `handle`. A line that is not JSON is skipped and said; a
 * last line cut short (a file still being written, or copied in part) imports nothing, so importing
 * the whole file later is not mistaken for a transcript already imported.
 */
export async function streamTranscript(
  chunks: AsyncIterable<Uint8Array | string>,
  handle: (item: ExportItem) => Promise<void>,
  options: ChatStreamOptions = {},
): Promise<StreamEnd> {
  const transcript = new ClaudeCodeTranscript();
  const decoder = new TextDecoder();
  const yieldToUi = options.yieldToUi ?? (() => Promise.resolve());
  const badLines: string[] = [];
  let pending = "";
  let lineNumber = 0;
  let bytes = 0;
  const readLine = (line: string): void => {
    lineNumber++;
    if (line.trim() === "") return;
    try {
      transcript.add(JSON.parse(line));
    } catch (error) {
      badLines.push(`line ${lineNumber} (${errorMessage(error)})`);
    }
  };
  for await (const chunk of chunks) {
    if (options.signal?.aborted) break;
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    // Only the new text is searched for the line end, so a line of many chunks (a long tool output) is not scanned again and again.
    const end = text.lastIndexOf("\n");
    if (end === -1) pending += text;
    else {
      const complete = pending + text.slice(0, end);
      pending = text.slice(end + 1);
      for (const line of complete.split("\n")) readLine(line);
    }
    bytes += typeof chunk === "string" ? chunk.length : chunk.byteLength;
    options.onProgress?.(bytes, options.totalBytes);
    await yieldToUi();
  }
  if (options.signal?.aborted) return { ok: false, cancelled: true, message: "Cancelled while reading the transcript; nothing was imported from it." };
  pending += decoder.decode();
  if (pending.trim() !== "") {
    try {
      JSON.parse(pending);
    } catch {
      return {
        ok: false,
        cancelled: false,
        message: `The transcript's last line (${lineNumber + 1}) is cut short; nothing was imported from it. Import it again once the file is complete.`,
      };
    }
    readLine(pending);
  }
  if (transcript.recognised === 0) {
    return {
      ok: false,
      cancelled: false,
      message:
        'The file is not a conversations export: it should be a JSON list of conversations (starting with "[") or a Claude Code transcript (JSON lines with a sessionId), but its lines are neither.',
    };
  }
  const conversation = transcript.conversation();
  await handle(typeof conversation === "string" ? { index: 1, problem: conversation } : { index: 1, conversation });
  if (badLines.length === 0) return { ok: true };
  const named = badLines.slice(0, NAMED_BAD_LINES).join(", ");
  const more = badLines.length > NAMED_BAD_LINES ? ` and ${badLines.length - NAMED_BAD_LINES} more` : "";
  return { ok: true, skipped: [`${badLines.length} lines of the transcript are not JSON and were skipped: ${named}${more}.`] };
}
