import { parseArgs } from "node:util";
import { enrichConversations, enrichSummary } from "../../core/chats/enrich-conversations";
import { CliError } from "../cli-error";
import type { CliIo } from "../io";
import { openVault } from "../vault-context";

export const enrichChatsUsage = `lifebetter enrich-chats --vault DIR [--json]
  Fills the memory of the conversations already imported: a short extractive summary, the problem a
  conversation clearly is about (others are printed as suggestions, not written), the meta-skills it
  names and the question entries made from it (insights). Properties only; a summary or problem
  already there is kept, and running it again changes nothing.`;

export async function runEnrichChats(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { vault: { type: "string" }, json: { type: "boolean" } }, allowPositionals: true, strict: true });
  if (positionals.length > 0) throw new CliError(`Unexpected argument "${positionals[0] ?? ""}".\n\n${enrichChatsUsage}`);
  const { repo, settings } = await openVault(values.vault, io);
  const report = await enrichConversations(repo, settings);
  io.out(values.json ? JSON.stringify(report) + "\n" : enrichSummary(report).join("\n") + "\n");
  return report.failed.length > 0 ? 1 : 0;
}
