import { enrichConversations, enrichSummary } from "../../core/chats/enrich-conversations";
import { defineCommand } from "../command-kit";

export const enrichChatsUsage = `lifebetter enrich-chats --vault DIR [--json]
  Fills the memory of the conversations already imported: a short extractive summary, the problem a
  conversation clearly is about (others are printed as suggestions, not written), the meta-skills it
  names and the question entries made from it (insights). Properties only; a summary or problem
  already there is kept, and running it again changes nothing.`;

export const enrichChatsCommand = defineCommand({
  usage: enrichChatsUsage,
  options: {},
  run: async (_args, { repo, settings }) => {
    const report = await enrichConversations(repo, settings);
    return { json: report, text: enrichSummary(report), exitCode: report.failed.length > 0 ? 1 : 0 };
  },
});
