import type { ListItem, PhrasingContent } from "mdast";
import { renderMarkdown } from "../codec/markdown-tree";
import { chatDate, isRecord, type ChatConversation, type ChatMessage } from "./chat-conversation";

/** A tool call of the assistant, summarised as its name and its telling argument. */
interface ToolCall {
  id: string;
  name: string;
  summary: string;
}

type Piece = { text: string } | { tool: ToolCall };

/** One line of the transcript that takes part in the message tree, with only what the note needs. */
interface TranscriptNode {
  uuid: string;
  parent: string | null;
  time: Date | null;
  /** A prompt the person typed, the assistant's text and tool calls, or neither (tool results, system lines). */
  prompt?: string;
  pieces?: Piece[];
}

/** The argument that says what a tool call did, by the names Claude Code's tools give their inputs. */
const TELLING_INPUTS = ["command", "file_path", "notebook_path", "path", "pattern", "url", "query", "description", "prompt", "skill"];
const SUMMARY_CHARS = 160;

function toolSummary(input: unknown): string {
  if (!isRecord(input)) return "";
  const key = TELLING_INPUTS.find((name) => typeof input[name] === "string" && input[name] !== "");
  const value = key ? (input[key] as string) : Object.values(input).find((item): item is string => typeof item === "string" && item.trim() !== "");
  const line = (value ?? "").trim().split("\n")[0] ?? "";
  return line.length > SUMMARY_CHARS ? `${line.slice(0, SUMMARY_CHARS - 1)}…` : line;
}

/** What the person typed: a string, or the text blocks of a list (images are marked, tool results are not typed). */
function promptText(content: unknown): string | null {
  if (typeof content === "string") return content.trim();
  if (!Array.isArray(content)) return null;
  const parts: string[] = [];
  for (const block of content) {
    if (!isRecord(block)) continue;
    if (block.type === "text" && typeof block.text === "string") parts.push(block.text);
    else if (block.type === "image") parts.push("[image]");
  }
  return parts.length > 0 ? parts.join("\n").trim() : null;
}

const COMMAND_NAME = /<command-name>([^<]*)<\/command-name>/;
const COMMAND_ARGS = /<command-args>([^<]*)<\/command-args>/;
/** Lines Claude Code writes into the user's side that nobody typed. */
const NOT_TYPED = /^(<local-command-stdout>|<local-command-stderr>|<bash-stdout>|<bash-stderr>|\[Request interrupted by user)/;

/** A typed prompt as the note shows it: a slash command as `/name args`; null for what nobody typed. */
function cleanPrompt(text: string): string | null {
  const command = COMMAND_NAME.exec(text);
  if (command) return `${(command[1] ?? "").trim()} ${(COMMAND_ARGS.exec(text)?.[1] ?? "").trim()}`.trim();
  if (text === "" || NOT_TYPED.test(text)) return null;
  return text;
}

function assistantPieces(content: unknown): Piece[] {
  if (typeof content === "string") return content.trim() === "" ? [] : [{ text: content.trim() }];
  if (!Array.isArray(content)) return [];
  const pieces: Piece[] = [];
  for (const block of content) {
    if (!isRecord(block)) continue;
    // Thinking blocks are the model's scratch work, not its answer: left out.
    if (block.type === "text" && typeof block.text === "string" && block.text.trim() !== "") pieces.push({ text: block.text.trim() });
    else if (block.type === "tool_use" && typeof block.name === "string") {
      pieces.push({ tool: { id: typeof block.id === "string" ? block.id : "", name: block.name, summary: toolSummary(block.input) } });
    }
  }
  return pieces;
}

/** The ids of the tool calls whose result is an error, from a user line's `tool_result` blocks. */
function failedTools(content: unknown): string[] {
  if (!Array.isArray(content)) return [];
  return content
    .filter(
      (block): block is Record<string, unknown> =>
        isRecord(block) && block.type === "tool_result" && block.is_error === true && typeof block.tool_use_id === "string",
    )
    .map((block) => block.tool_use_id as string);
}

/** Tool calls as a Markdown list: `- Bash: \`npm test\``, "(failed)" after one whose result was an error. */
function toolList(calls: readonly ToolCall[], failed: ReadonlySet<string>): string {
  const items: ListItem[] = calls.map((call) => {
    const children: PhrasingContent[] = [{ type: "emphasis", children: [{ type: "text", value: call.name }] }];
    if (call.summary !== "") children.push({ type: "text", value: ": " }, { type: "inlineCode", value: call.summary });
    if (failed.has(call.id)) children.push({ type: "text", value: " (failed)" });
    return { type: "listItem", spread: false, children: [{ type: "paragraph", children }] };
  });
  return renderMarkdown({ type: "root", children: [{ type: "list", ordered: false, spread: false, children: items }] }).trim();
}

/**
 * Reads a Claude Code session transcript (`~/.claude/projects/<project>/<session>.jsonl`) one line at a
 * time: only the prompts, the assistant's text and a one-line summary of each tool call are kept, so
 * tool output (whole files, logs) never piles up in memory. Lines are a tree (`parentUuid`; a rewind
 * starts a branch, a compaction a new root that names the old leaf in `logicalParentUuid`): the
 * thread is the one ending at the last message, as the session last stood. Side chains (sub-agents),
 * meta lines and unknown line types are left out.
 */
export class ClaudeCodeTranscript {
  private readonly nodes = new Map<string, TranscriptNode>();
  private readonly summaries: { summary: string; leaf: string }[] = [];
  private readonly failed = new Set<string>();
  private sessionId: string | null = null;
  private lastMessage: string | null = null;
  /** Lines in a transcript's shape: a `type` and a session id or a summary's leaf. */
  recognised = 0;

  /** Takes one parsed line; lines of other shapes are ignored (the format grows new types). */
  add(line: unknown): void {
    if (!isRecord(line)) return;
    if (typeof line.type === "string" && (typeof line.sessionId === "string" || typeof line.leafUuid === "string")) this.recognised++;
    if (line.type === "summary" && typeof line.summary === "string" && typeof line.leafUuid === "string") {
      this.summaries.push({ summary: line.summary.trim(), leaf: line.leafUuid });
      return;
    }
    if (typeof line.uuid !== "string" || line.isSidechain === true) return;
    if (this.sessionId === null && typeof line.sessionId === "string" && line.sessionId !== "") this.sessionId = line.sessionId;
    const parent = typeof line.parentUuid === "string" ? line.parentUuid : typeof line.logicalParentUuid === "string" ? line.logicalParentUuid : null;
    const node: TranscriptNode = { uuid: line.uuid, parent, time: chatDate(line.timestamp) };
    const message = isRecord(line.message) ? line.message : null;
    const meta = line.isMeta === true || line.isCompactSummary === true || line.isVisibleInTranscriptOnly === true;
    if (message && line.type === "user" && !meta) {
      for (const id of failedTools(message.content)) this.failed.add(id);
      const text = promptText(message.content);
      const prompt = text === null ? null : cleanPrompt(text);
      if (prompt !== null) node.prompt = prompt;
    } else if (message && line.type === "assistant" && !meta) {
      node.pieces = assistantPieces(message.content);
    }
    this.nodes.set(node.uuid, node);
    if (node.prompt !== undefined || node.pieces !== undefined) this.lastMessage = node.uuid;
  }

  /** The lines of the thread ending at the last message, first to last. */
  private thread(): TranscriptNode[] {
    const thread: TranscriptNode[] = [];
    const seen = new Set<string>();
    let id = this.lastMessage;
    while (id !== null && !seen.has(id)) {
      const node = this.nodes.get(id);
      if (!node) break; // a parent that is not in the file: the thread starts here
      seen.add(id);
      thread.push(node);
      id = node.parent;
    }
    return thread.reverse();
  }

  /** The conversation the transcript holds, or why it holds none. */
  conversation(): ChatConversation | string {
    if (this.sessionId === null) return "it has no session id (is it a Claude Code transcript?)";
    const thread = this.thread();
    const messages: ChatMessage[] = [];
    let turn: { first: TranscriptNode; pieces: Piece[] } | null = null;
    const closeTurn = (): void => {
      if (turn) {
        const text = assistantText(turn.pieces, this.failed);
        if (text !== "") messages.push({ role: "assistant", text, time: turn.first.time, sourceId: turn.first.uuid });
      }
      turn = null;
    };
    for (const node of thread) {
      if (node.prompt !== undefined) {
        closeTurn();
        messages.push({ role: "user", text: node.prompt, time: node.time, sourceId: node.uuid });
      } else if (node.pieces !== undefined) {
        // One reply is written as a line per block, with tool results between: one message in the note.
        turn ??= { first: node, pieces: [] };
        turn.pieces.push(...node.pieces);
      }
    }
    closeTurn();
    const times = thread.map((node) => node.time).filter((time): time is Date => time !== null);
    return {
      platform: "claude-code",
      sourceId: this.sessionId,
      title: this.title(thread, messages),
      created: times[0] ?? null,
      updated: times[times.length - 1] ?? null,
      messages,
    };
  }

  /** Claude Code's own summary of the thread, else of the session, else the first prompt's opening. */
  private title(thread: readonly TranscriptNode[], messages: readonly ChatMessage[]): string {
    const inThread = new Set(thread.map((node) => node.uuid));
    const summary = [...this.summaries].reverse().find((s) => inThread.has(s.leaf)) ?? [...this.summaries].reverse().find((s) => this.nodes.has(s.leaf));
    if (summary && summary.summary !== "") return summary.summary;
    const firstPrompt =
      messages
        .find((message) => message.role === "user")
        ?.text.split("\n")[0]
        ?.trim() ?? "";
    if (firstPrompt === "") return "Claude Code session";
    return firstPrompt.length > 80 ? `${firstPrompt.slice(0, 79)}…` : firstPrompt;
  }
}

/** A reply's text blocks as paragraphs, and each run of tool calls as one list between them. */
function assistantText(pieces: readonly Piece[], failed: ReadonlySet<string>): string {
  const blocks: string[] = [];
  let calls: ToolCall[] = [];
  const flush = (): void => {
    if (calls.length > 0) blocks.push(toolList(calls, failed));
    calls = [];
  };
  for (const piece of pieces) {
    if ("tool" in piece) calls.push(piece.tool);
    else {
      flush();
      blocks.push(piece.text);
    }
  }
  flush();
  return blocks.join("\n\n");
}
