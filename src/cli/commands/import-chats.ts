import { createReadStream, promises as fs } from "node:fs";
import * as nodePath from "node:path";
import { chatImportSummary, importChats, knownConversations, type ChatImportReport } from "../../core/chats/import-chats";
import { enrichConversations } from "../../core/chats/enrich-conversations";
import { mergeChatReports } from "../../core/chats/merge-reports";
import { CliError } from "../cli-error";
import { defineCommand } from "../command-kit";
import { checkInputFile } from "../input-file";
import { INDEX_OPTIONS, INDEX_OPTIONS_USAGE, openIndexSessionWithModel } from "../index/index-session";

export const importChatsUsage = `lifebetter import-chats --vault DIR FILE|FOLDER … [--model DIR|ID] [--cache DIR] [--json]
  Imports a ChatGPT or Claude conversations.json, or Claude Code session transcripts (.jsonl; the
  format is detected from the content), as conversation notes, and the questions you asked as
  question entries linked to them. A FOLDER (such as ~/.claude/projects) imports every .jsonl
  transcript in it and its subfolders, sub-agent transcripts left out. Importing the same files
  again creates nothing new. Each new conversation gets its memory as enrich-chats writes it (the
  problem by meaning and words when a sentence model is there: --model, or the default one in the cache).
${INDEX_OPTIONS_USAGE}`;

/** Claude Code writes a sub-agent's work beside its session (`agent-*.jsonl`, `<session>/subagents/`): not conversations of the person. */
function isSubAgentTranscript(path: string): boolean {
  return nodePath.basename(path).startsWith("agent-") || path.split(nodePath.sep).includes("subagents");
}

/** The transcripts under a folder, sorted so every run imports in the same order. */
async function transcriptsIn(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith(".jsonl"))
    .map((entry) => nodePath.join(entry.parentPath, entry.name))
    .filter((path) => !isSubAgentTranscript(nodePath.relative(folder, path)))
    .sort();
}

/** Every file the arguments name: files as given, folders as their transcripts. A missing one is a usage error (exit 2). */
async function inputFiles(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    let isFolder: boolean;
    try {
      isFolder = (await fs.stat(arg)).isDirectory();
    } catch {
      await checkInputFile(arg, "conversations.json or Claude Code transcript"); // says why: missing (exit 2) or unreadable (exit 1)
      throw new Error(`Could not read "${arg}".`);
    }
    if (!isFolder) files.push(arg);
    else {
      const found = await transcriptsIn(arg);
      // A folder is read only for the transcripts in it (as ~/.claude/projects holds them).
      if (found.length === 0)
        throw new CliError(`"${arg}" is a folder, not a file, and holds no Claude Code transcripts (.jsonl files): give a conversations.json or transcripts.`);
      files.push(...found);
    }
  }
  return files;
}

export const importChatsCommand = defineCommand({
  usage: importChatsUsage,
  options: INDEX_OPTIONS,
  positionals: true,
  run: async ({ values, positionals }, vault, io) => {
    if (positionals.length === 0)
      throw new CliError("Give a FILE: the conversations.json of a ChatGPT or Claude export, or Claude Code transcripts (.jsonl files or their folder).");
    const { repo, settings } = vault;
    const files = await inputFiles(positionals);
    const known = await knownConversations(repo, settings); // read once for all the files
    const reports: { file: string; report: ChatImportReport }[] = [];
    for (const file of files) {
      const size = (await fs.stat(file)).size;
      reports.push({
        file,
        report: await importChats(repo, settings, createReadStream(file, { highWaterMark: 1 << 20 }), { totalBytes: size, known, enrich: false }),
      });
    }
    const report = mergeChatReports(reports);
    if (report.created.length > 0) {
      // The index is opened only now, and only with a model: an import without one stays as quick as before.
      const session = await openIndexSessionWithModel(values, vault, io);
      try {
        report.memory = await enrichConversations(repo, settings, {
          paths: new Set(report.created),
          meaning: session ? (text) => session.memory.problemMeaning(text) : undefined,
        });
      } finally {
        await session?.close();
      }
    }
    return { json: report, text: chatImportSummary(report), exitCode: report.stopped ? 1 : 0 };
  },
});
