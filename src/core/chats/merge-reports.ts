import { mergeEnrichReports } from "./enrich-conversations";
import { emptyChatReport, type ChatImportReport } from "./import-chats";

/** One report for the imports of several files read in a row: counts added up, each problem and stop named by its file. */
export function mergeChatReports(reports: readonly { file: string; report: ChatImportReport }[]): ChatImportReport {
  const several = reports.length > 1;
  const merged = emptyChatReport();
  const stops: string[] = [];
  for (const { file, report } of reports) {
    const from = (reason: string): string => (several ? `${file}: ${reason}` : reason);
    merged.conversations.created += report.conversations.created;
    merged.conversations.alreadyImported += report.conversations.alreadyImported;
    merged.conversations.failed += report.conversations.failed;
    merged.questions += report.questions;
    merged.created.push(...report.created);
    merged.problems.push(...report.problems.map((problem) => ({ ...problem, reason: from(problem.reason) })));
    if (report.stopped) stops.push(from(report.stopped));
    merged.cancelled ||= report.cancelled;
    for (const [platform, count] of Object.entries(report.platforms)) merged.platforms[platform] = (merged.platforms[platform] ?? 0) + count;
  }
  const memory = mergeEnrichReports(reports.map(({ report }) => report.memory));
  if (memory) merged.memory = memory;
  merged.stopped = stops.length > 0 ? stops.join("\n") : null;
  return merged;
}
