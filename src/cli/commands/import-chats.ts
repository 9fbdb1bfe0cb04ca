import { createReadStream } from "node:fs";
import { parseArgs } from "node:util";
import { chatImportSummary, importChats } from "../../core/chats/import-chats";
import { CliError } from "../cli-error";
import type { CliIo } from "../io";
import { checkInputFile } from "../input-file";
import { openVault } from "../vault-context";

export const importChatsUsage = `lifebetter import-chats --vault DIR FILE [--json]
  Imports a ChatGPT or Claude conversations.json (detected from the file) as conversation notes, and
  the questions you asked as question entries linked to them. Importing the same file again creates
  nothing new.`;

export async function runImportChats(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { vault: { type: "string" }, json: { type: "boolean" } },
    allowPositionals: true,
    strict: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new CliError("Give one FILE: the conversations.json of a ChatGPT or Claude export.");
  const { repo, settings } = await openVault(values.vault, io);
  const size = await checkInputFile(file, "conversations.json");
  const report = await importChats(repo, settings, createReadStream(file, { highWaterMark: 1 << 20 }), {
    totalBytes: size,
  });
  io.out(values.json ? JSON.stringify(report) + "\n" : chatImportSummary(report).join("\n") + "\n");
  return report.stopped ? 1 : 0;
}
