import { enrichConversations, enrichSummary } from "../../core/chats/enrich-conversations";
import { defineCommand } from "../command-kit";
import { INDEX_OPTIONS, INDEX_OPTIONS_USAGE, openIndexSessionWithModel } from "../index/index-session";

export const enrichChatsUsage = `lifebetter enrich-chats --vault DIR [--model DIR|ID] [--cache DIR] [--json]
  Fills the memory of the conversations already imported: a short extractive summary, the problem a
  conversation clearly is about (others are printed as suggestions, not written), the meta-skills it
  names and the question entries made from it (insights). Properties only; a summary or problem
  already there is kept, and running it again changes nothing. With a sentence model (--model, or
  the default one already in the cache) the problem is found by meaning and words, so a
  conversation that says it in other words is linked too; without one, by words.
${INDEX_OPTIONS_USAGE}`;

export const enrichChatsCommand = defineCommand({
  usage: enrichChatsUsage,
  options: INDEX_OPTIONS,
  run: async ({ values }, vault, io) => {
    const session = await openIndexSessionWithModel(values, vault, io);
    let report;
    try {
      report = await enrichConversations(vault.repo, vault.settings, { meaning: session ? (text) => session.memory.problemMeaning(text) : undefined });
    } finally {
      await session?.close();
    }
    return { json: report, text: enrichSummary(report), exitCode: report.failed.length > 0 ? 1 : 0 };
  },
});
