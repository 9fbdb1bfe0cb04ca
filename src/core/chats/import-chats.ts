import { composeNote } from "../codec/frontmatter";
import { entryFileStem } from "../capture/capture-entry";
import { createUniqueNote } from "../vault/create-note";
import { errorMessage } from "../errors";
import type { LifeBetterSettings } from "../settings";
import { noteName, safeFileStem } from "../vault/paths";
import { loadRecords } from "../vault/records";
import type { NoteRepository } from "../vault/repository";
import type { ChatConversation } from "./chat-conversation";
import { conversationBody, conversationProperties, conversationSpan, conversationStem, isQuestion, questionProperties } from "./conversation-note";
import { enrichConversations, plural, problemSuggestionLines, type EnrichOptions, type EnrichReport } from "./enrich-conversations";
import { inertMessage } from "./inert-message";
import { streamChatExport, type ChatStreamOptions } from "./read-chat-export";
import { stableId } from "./stable-id";

export interface ChatImportReport {
  conversations: { created: number; alreadyImported: number; failed: number };
  questions: number;
  /** Paths of the conversation notes created. */
  created: string[];
  /** Conversations that could not be read or written, by position in the file. */
  problems: { index: number; title?: string; reason: string }[];
  /** Why the import stopped early (a file cut short, not JSON, cancelled), or null when it read it all. */
  stopped: string | null;
  cancelled: boolean;
  platforms: Record<string, number>;
  /** The memory written on the conversations created (summary, problem, meta-skills, insights), and the problems only suggested. */
  memory?: EnrichReport;
}

export interface ChatImportOptions extends ChatStreamOptions {
  now?: Date;
  /** The ids of the conversations in the vault (knownConversations), shared by the imports of several files read in a row. */
  known?: Set<string>;
  /**
   * Write the memory of the conversations created (true by default). Imports of several files in a
   * row pass false and call enrichConversations once with every path created: one vault read, not one a file.
   */
  enrich?: boolean;
  /** Meaning scores for the problem link (EnrichOptions.meaning), when the index has vectors. */
  meaning?: EnrichOptions["meaning"];
}

/** The ids of the conversation notes in the vault, excluded folders included: how an import knows what it already made. */
export async function knownConversations(repo: NoteRepository, settings: LifeBetterSettings): Promise<Set<string>> {
  const known = new Set<string>();
  for (const record of (await loadRecords(repo, { ...settings, excludedFolders: [] }, ["conversation"])).records) {
    if (typeof record.properties.id === "string") known.add(record.properties.id);
  }
  return known;
}

/**
 * Imports a ChatGPT or Claude `conversations.json`, or a Claude Code session transcript (`.jsonl`): each conversation becomes a conversation note in the
 * conversations folder and each question the user asked an entry linked to it. Ids come from the
 * platform's ids, so the same export imported again finds its notes and creates nothing; a
 * conversation already imported is left as it is (with its questions, which the user may have edited
 * or deleted).
 */
/** A report of nothing imported yet: every import (and the merge of several) starts from it. */
export function emptyChatReport(): ChatImportReport {
  return {
    conversations: { created: 0, alreadyImported: 0, failed: 0 },
    questions: 0,
    created: [],
    problems: [],
    stopped: null,
    cancelled: false,
    platforms: {},
  };
}

export async function importChats(
  repo: NoteRepository,
  settings: LifeBetterSettings,
  chunks: AsyncIterable<Uint8Array | string>,
  options: ChatImportOptions = {},
): Promise<ChatImportReport> {
  const now = options.now ?? new Date();
  const known = options.known ?? (await knownConversations(repo, settings));
  const report = emptyChatReport();

  const importOne = async (conversation: ChatConversation): Promise<void> => {
    const id = await stableId(`${conversation.platform}:conversation:${conversation.sourceId}`);
    if (known.has(id)) {
      report.conversations.alreadyImported++;
      return;
    }
    const { started } = conversationSpan(conversation);
    const stem = conversationStem(conversation.title, started, (text) => safeFileStem(text));
    const note = composeNote(conversationProperties(conversation, id, now), conversationBody(conversation));
    const path = await createUniqueNote(repo, settings.folders.conversation, stem, note);
    known.add(id); // a conversation listed twice in one export is imported once
    report.created.push(path);
    report.conversations.created++;
    report.platforms[conversation.platform] = (report.platforms[conversation.platform] ?? 0) + 1;
    for (const message of conversation.messages) {
      if (message.role !== "user" || !isQuestion(message.text)) continue;
      const questionId = await stableId(`${conversation.platform}:message:${conversation.sourceId}:${message.sourceId}`);
      const properties = questionProperties(message, questionId, noteName(path), now);
      await createUniqueNote(
        repo,
        settings.folders.entry,
        entryFileStem(message.text, message.time ?? now),
        composeNote(properties, inertMessage(message.text)),
      );
      report.questions++;
    }
  };

  const end = await streamChatExport(
    chunks,
    async (item) => {
      if ("problem" in item) {
        report.conversations.failed++;
        report.problems.push({ index: item.index, reason: `Conversation ${item.index} was skipped: ${item.problem}.` });
        return;
      }
      try {
        await importOne(item.conversation);
      } catch (error) {
        report.conversations.failed++;
        report.problems.push({
          index: item.index,
          title: item.conversation.title,
          reason: `Conversation ${item.index} ("${item.conversation.title}") was not imported: ${errorMessage(error)}`,
        });
      }
    },
    options,
  );
  // Once the notes and their questions exist: what each conversation is about, and the entries made from it.
  if (report.created.length > 0 && options.enrich !== false) {
    try {
      report.memory = await enrichConversations(repo, settings, { paths: new Set(report.created), now, meaning: options.meaning });
    } catch (error) {
      report.problems.push({
        index: 0,
        reason: `The conversations were imported, but their summaries and links were not written (${errorMessage(error)}); run enrich-chats to try again.`,
      });
    }
  }
  if (end.ok) {
    for (const reason of end.skipped ?? []) report.problems.push({ index: 0, reason });
  } else {
    report.stopped = end.message;
    report.cancelled = end.cancelled;
  }
  return report;
}

/** What an import did, in lines for the user: the problems, the counts, and why it stopped if it did. */
export function chatImportSummary(report: ChatImportReport): string[] {
  const { created, alreadyImported, failed } = report.conversations;
  const lines = [...report.problems.map((problem) => problem.reason), ...problemSuggestionLines(report.memory)];
  const memory = report.memory
    ? ` Wrote ${plural(report.memory.summaries, "summary", "summaries")} and linked ${plural(report.memory.problems, "conversation", "conversations")} to a problem.`
    : "";
  lines.push(
    `Imported ${created} conversations and ${report.questions} questions; ${alreadyImported} were already imported${failed ? `, ${failed} could not be imported` : ""}.${memory}`,
  );
  if (report.stopped) lines.push(report.stopped);
  return lines;
}
