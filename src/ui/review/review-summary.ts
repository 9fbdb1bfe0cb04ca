import { format, parse } from "date-fns";
import type { ReviewQueue } from "../../core/review/queue";
import type { ReviewSummary } from "../../core/review/summary";

function stat(containerEl: HTMLElement, label: string, value: string, cls: string): void {
  const el = containerEl.createDiv({ cls: `lifebetter-review-stat ${cls}` });
  el.createDiv({ cls: "lifebetter-review-stat-value", text: value });
  el.createDiv({ cls: "lifebetter-review-stat-label", text: label });
}

function weekday(day: string): string {
  return format(parse(day, "yyyy-MM-dd", new Date(2000, 0, 1)), "EEE");
}

/** The view's header line: due now, done today, streak, and what comes due over the next 7 days. */
export function renderReviewSummary(containerEl: HTMLElement, queue: ReviewQueue, summary: ReviewSummary, dueNow: number): void {
  containerEl.empty();
  const stats = containerEl.createDiv({ cls: "lifebetter-review-stats" });
  stat(stats, "Due now", String(dueNow), "is-due");
  stat(stats, "Done today", String(summary.doneToday), "is-done");
  stat(stats, "Streak", summary.streakDays === 1 ? "1 day" : `${summary.streakDays} days`, "is-streak");
  const week = summary.dueNext7Days.reduce((sum, day) => sum + day.count, 0);
  stat(stats, "Next 7 days", String(week), "is-week");

  const strip = containerEl.createEl("ol", { cls: "lifebetter-review-week", attr: { "aria-label": "Due in the next 7 days" } });
  for (const { day, count } of summary.dueNext7Days) {
    const cell = strip.createEl("li", { cls: count > 0 ? "has-due" : "", attr: { title: `${day}: ${count} due` } });
    cell.createSpan({ cls: "lifebetter-review-week-day", text: weekday(day) });
    cell.createSpan({ cls: "lifebetter-review-week-count", text: String(count) });
  }
  if (queue.heldBack > 0) {
    const { reviewsPerDay, newSkillsPerDay } = queue.limits;
    containerEl.createDiv({
      cls: "lifebetter-review-muted lifebetter-review-held",
      text: `${queue.heldBack} more due ${queue.heldBack === 1 ? "skill waits" : "skills wait"} for another day: the limit is ${reviewsPerDay} reviews a day, ${newSkillsPerDay} of them new.`,
    });
  }
}
