import type { ReviewQueue, ReviewQueueItem } from "../../core/review/queue";
import type { GradeOutcome } from "../../core/review/schedule";
import type { ReviewSummary } from "../../core/review/summary";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function dueText(item: ReviewQueueItem): string {
  if (item.due === null) return item.kind === "skill" && item.isNew ? "new" : "due now";
  if (item.overdueDays === 0) return `due ${item.due}`;
  return `due ${item.due} (${plural(item.overdueDays, "day")} overdue)`;
}

/** The `review --due` listing: one line per item in review order, warnings under their item. */
export function formatQueue(queue: ReviewQueue, summary: ReviewSummary): string {
  const lines = [
    `${plural(queue.items.length, "item")} to review on ${queue.today}: ${plural(queue.dueSkills, "skill")} due, ${plural(queue.dueDecisions, "decision")} due` +
      (queue.heldBack > 0
        ? `, ${queue.heldBack} held back by the daily limits (${queue.limits.reviewsPerDay} reviews, ${queue.limits.newSkillsPerDay} new a day)`
        : "") +
      ".",
  ];
  for (const item of queue.items) {
    const label = item.kind === "skill" ? (item.isNew ? "new skill" : "skill") : "decision";
    lines.push(`${label.padEnd(9)} ${item.name} — ${dueText(item)} — ${item.path}`);
    for (const warning of item.warnings) lines.push(`          warning: ${warning}`);
  }
  const week = summary.dueNext7Days.reduce((sum, day) => sum + day.count, 0);
  lines.push(`Done today: ${summary.doneToday}. Streak: ${plural(summary.streakDays, "day")}. Due in the next 7 days: ${week}.`);
  return lines.join("\n") + "\n";
}

export function formatGrade(path: string, outcome: GradeOutcome): string {
  const lines = outcome.repaired.map((warning) => `repaired: ${warning}`);
  const ease = outcome.scheduler === "sm2" ? `, ease ${outcome.ease}` : `, FSRS stability ${outcome.fsrs?.stability ?? "?"}`;
  lines.push(`Graded ${path} ${outcome.grade}: next review ${outcome.reviewDue} (in ${plural(outcome.intervalDays, "day")}${ease}).`);
  return lines.join("\n") + "\n";
}
