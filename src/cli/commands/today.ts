import { momentFormat } from "../../adapters/node/moment-format";
import { homeData, type HomeData, type HomeMilestone } from "../../core/home/today";
import type { WeekSummary } from "../../core/home/week";
import { locateReflection } from "../../core/reflection/location";
import { readPeriodicConfigs } from "../../core/reflection/periodic-config";
import { localDate, periodRange } from "../../core/reflection/periods";
import { dayOf } from "../../core/dates/days";
import { loadRecords } from "../../core/vault/records";
import { defineCommand } from "../command-kit";
import { dayOption } from "../option-values";
import { vaultFileReader } from "../vault-context";

export const todayUsage = `lifebetter today --vault DIR [--date YYYY-MM-DD] [--json]
  What LifeBetter has for the day, as the home view shows it: reviews and decisions due, today's
  reflection (not_started, started, done), the running work session, open problems with their next
  milestone and open blockers, next actions, confident patterns, and this week (Monday to Sunday)
  against the previous one. --date defaults to today (local time). With --json: {date, reviews_due,
  reflection: {path, state}, session, decisions_due, problems, next_actions, patterns, week: {start,
  focus_minutes, sessions, minutes_by_activity, active_days, entries_by_type, mood_avg, energy_avg, sleep_avg,
  estimate_accuracy, meta_skills}, previous_week}.`;

const milestoneJson = (m: HomeMilestone) => ({ text: m.text, due: m.due, scheduled: m.scheduled, overdue_days: m.overdueDays });

function weekJson(week: WeekSummary) {
  return {
    start: week.start,
    focus_minutes: week.focusMinutes,
    sessions: week.sessions,
    minutes_by_activity: week.minutesByActivity,
    active_days: week.activeDays,
    entries_by_type: week.entriesByType,
    mood_avg: week.moodAvg,
    energy_avg: week.energyAvg,
    sleep_avg: week.sleepAvg,
    estimate_accuracy: week.estimateAccuracy,
    meta_skills: week.metaSkills,
  };
}

/** The JSON `today --json` prints: snake_case, null for what is not known. */
export function todayJson(data: HomeData) {
  return {
    date: data.date,
    reviews_due: data.reviewsDue,
    reflection: data.reflection,
    session: data.session,
    decisions_due: data.decisionsDue.map((d) => ({ path: d.path, title: d.title, review_on: d.reviewOn, overdue_days: d.overdueDays })),
    problems: data.problems.map((p) => ({
      path: p.path,
      title: p.title,
      status: p.status,
      priority: p.priority,
      stale: p.stale,
      days_since_worked: p.daysSinceWorked,
      next_milestone: p.nextMilestone ? milestoneJson(p.nextMilestone) : null,
      overdue_milestones: p.overdueMilestones.map(milestoneJson),
      open_blockers: p.openBlockers,
    })),
    next_actions: data.nextActions.map((a) => ({ ...milestoneJson(a), milestone: a.milestone, problem: a.problem })),
    patterns: data.patterns.map((p) => ({
      key: p.key,
      name: p.name,
      pattern_type: p.patternType,
      confidence: p.confidence,
      positive: p.positive,
      suggestion: p.suggestion,
      note_path: p.notePath,
    })),
    week: weekJson(data.week),
    previous_week: weekJson(data.previousWeek),
  };
}

const one = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const avg = (value: number | null) => (value === null ? "—" : value.toFixed(1));

function weekLine(label: string, week: WeekSummary): string {
  const entries =
    Object.entries(week.entriesByType)
      .map(([type, n]) => `${n} ${type}`)
      .join(", ") || "no entries";
  const accuracy = week.estimateAccuracy === null ? "" : `, estimates used ×${week.estimateAccuracy.toFixed(2)}`;
  const skills = week.metaSkills.map((s) => `${s.name} ${s.worked}/${s.uses}`).join(", ");
  const byActivity = Object.entries(week.minutesByActivity)
    .map(([type, minutes]) => `${type} ${minutes} min`)
    .join(", ");
  return `${label} (from ${week.start}): ${week.focusMinutes} min focus in ${one(week.sessions, "session")}${byActivity ? ` (${byActivity})` : ""}, ${one(week.activeDays, "active day")}, ${entries}; mood ${avg(week.moodAvg)}, energy ${avg(week.energyAvg)}, sleep ${avg(week.sleepAvg)} h${accuracy}${skills ? `; skills worked ${skills}` : ""}`;
}

function describe(data: HomeData): string[] {
  const lines = [`Today ${data.date}`];
  lines.push(`Reviews due: ${data.reviewsDue}`);
  lines.push(`Reflection: ${data.reflection.state.replace("_", " ")}${data.reflection.path ? ` (${data.reflection.path})` : ""}`);
  if (data.session) lines.push(`Working on ${data.session.problem.title} for ${data.session.minutes} min (since ${data.session.start})`);
  for (const d of data.decisionsDue) lines.push(`Decision to review: ${d.title} (due ${d.reviewOn ?? "now"})`);
  for (const p of data.problems) {
    const flags = [p.priority, p.stale ? "stale" : undefined, p.openBlockers.length > 0 ? one(p.openBlockers.length, "open blocker") : undefined].filter(
      Boolean,
    );
    const next = p.nextMilestone
      ? `; next: ${p.nextMilestone.text}${p.nextMilestone.due ? ` (due ${p.nextMilestone.due}${p.nextMilestone.overdueDays > 0 ? ", overdue" : ""})` : ""}`
      : "";
    lines.push(`Problem: ${p.title}${flags.length > 0 ? ` [${flags.join(", ")}]` : ""}${next}`);
  }
  for (const a of data.nextActions) lines.push(`Next: ${a.text} — ${a.problem.title}${a.due ? ` (due ${a.due}${a.overdueDays > 0 ? ", overdue" : ""})` : ""}`);
  for (const p of data.patterns) lines.push(`Pattern (${p.confidence.toFixed(2)}): ${p.name}`);
  lines.push(weekLine("This week", data.week), weekLine("Last week", data.previousWeek));
  return lines;
}

export const todayCommand = defineCommand({
  usage: todayUsage,
  options: { date: { type: "string" } },
  run: async ({ values }, vault) => {
    const realNow = new Date();
    const today = dayOption("date", values.date) ?? dayOf(realNow);
    // Another day is looked at from its noon: stale days and overdue counts depend on the day alone.
    const now = today === dayOf(realNow) ? realNow : new Date(localDate(today).getTime() + 12 * 3_600_000);
    const configs = await readPeriodicConfigs(vaultFileReader(vault.root), vault.configDir, vault.settings);
    const reflectionPath = locateReflection(periodRange("daily", today), configs, vault.settings.reflectionInPeriodicNote, momentFormat).path;
    const data = await homeData({
      vault: await loadRecords(vault.repo, vault.settings),
      settings: vault.settings,
      today,
      now,
      runningSession: vault.settings.runningSession,
      reflectionPath,
    });
    return { json: todayJson(data), text: describe(data) };
  },
});
