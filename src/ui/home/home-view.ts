import { errorMessage } from "../../core/errors";
import { elapsedMinutes } from "../../core/problems/running-session";
import { homeData, type HomeData, type HomeMilestone, type HomeProblem } from "../../core/home/today";
import type { WeekSummary } from "../../core/home/week";
import { dayOf } from "../../core/dates/days";
import { loadRecords } from "../../core/vault/records";
import { humanize } from "../common/labels";
import { onOpenGesture, openNote, type OpenHow } from "../common/open-note";
import { RecordView, readSlicer, type RecordRead, type ViewLabel } from "../common/record-view";
import { dateText, minutesText } from "../problems/durations";
import { openProblemView } from "../problems/open-problem";
import type { HomeContext } from "./home-context";

export const HOME_VIEW_TYPE = "lifebetter-home";
const REFRESH_DELAY_MS = 500;
/** How often the running session's minutes are brought up to date (a start or stop elsewhere too). */
const SESSION_CHECK_MS = 30_000;

const REFLECTION_STATES: Record<HomeData["reflection"]["state"], string> = { not_started: "Not started", started: "Started", done: "Done" };

/** A row the keyboard reaches (Tab) and opens (Enter or Space), as a click does; Ctrl/Cmd opens a new tab. */
function actionRow(parent: HTMLElement, cls: string, label: string, open: (how: OpenHow) => void): HTMLElement {
  const row = parent.createEl("li", { cls: `lifebetter-home-row ${cls}`, attr: { tabindex: "0", role: "button", "aria-label": label } });
  onOpenGesture(row, open, { space: true });
  return row;
}

function dueText(milestone: HomeMilestone): string {
  if (milestone.overdueDays > 0) return `overdue ${milestone.overdueDays} ${milestone.overdueDays === 1 ? "day" : "days"} (due ${milestone.due ?? ""})`;
  if (milestone.due) return `due ${milestone.due}`;
  return milestone.scheduled ? `scheduled ${milestone.scheduled}` : "";
}

const average = (value: number | null): string => (value === null ? "—" : value.toFixed(1));
const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

interface WeekMetric {
  key: string;
  label: string;
  value: (week: WeekSummary) => string;
  /** The raw value (what `today --json` prints), for tests and copy. */
  raw: (week: WeekSummary) => unknown;
}

const WEEK_METRICS: WeekMetric[] = [
  { key: "focus_minutes", label: "Focus time", value: (w) => minutesText(w.focusMinutes), raw: (w) => w.focusMinutes },
  { key: "sessions", label: "Work sessions", value: (w) => String(w.sessions), raw: (w) => w.sessions },
  {
    key: "minutes_by_activity",
    label: "Time by activity",
    value: (w) =>
      Object.entries(w.minutesByActivity)
        .map(([type, minutes]) => `${type} ${minutesText(minutes)}`)
        .join(", ") || "No typed sessions",
    raw: (w) => w.minutesByActivity,
  },
  { key: "active_days", label: "Active days", value: (w) => `${w.activeDays} of 7`, raw: (w) => w.activeDays },
  {
    key: "entries_by_type",
    label: "Entries",
    value: (w) =>
      Object.entries(w.entriesByType)
        .map(([type, n]) => `${n} ${type}`)
        .join(", ") || "None",
    raw: (w) => w.entriesByType,
  },
  { key: "mood_avg", label: "Mood (average)", value: (w) => average(w.moodAvg), raw: (w) => w.moodAvg },
  { key: "energy_avg", label: "Energy (average)", value: (w) => average(w.energyAvg), raw: (w) => w.energyAvg },
  { key: "sleep_avg", label: "Sleep (average hours)", value: (w) => average(w.sleepAvg), raw: (w) => w.sleepAvg },
  {
    key: "estimate_accuracy",
    label: "Time ÷ estimate, problems solved",
    value: (w) => (w.estimateAccuracy === null ? "—" : `${w.estimateAccuracy.toFixed(2)} (${count(w.estimatedProblems, "problem")})`),
    raw: (w) => w.estimateAccuracy,
  },
  {
    key: "meta_skills",
    label: "Meta-skills that worked",
    value: (w) => w.metaSkills.map((s) => `${s.name} ${s.worked} of ${s.uses}`).join(", ") || "None used",
    raw: (w) => w.metaSkills,
  },
];

/**
 * The LifeBetter home: what is due today and how this week compares with the last. Every row opens
 * what it names (click, or Tab and Enter); it re-reads the records when one changes.
 */
export class HomeView extends RecordView<HomeContext> {
  static readonly label: ViewLabel = { type: HOME_VIEW_TYPE, title: "LifeBetter home", icon: "sun" };
  private data: HomeData | null = null;

  /** What the view shows now (tests compare it with `today --json`). */
  get shown(): HomeData | null {
    return this.data;
  }

  override async onOpen(): Promise<void> {
    this.contentEl.addClass("lifebetter-home");
    this.followRecords(REFRESH_DELAY_MS);
    this.registerInterval(window.setInterval(() => this.sessionTick(), SESSION_CHECK_MS));
    if (!this.data) this.contentEl.createEl("p", { cls: "lifebetter-muted", text: "Reading your records…" });
    await this.refresh();
  }

  /** Re-reads every record and redraws. */
  refresh(now?: Date): Promise<void> {
    return this.reread(now);
  }

  protected async readRecords(read: RecordRead): Promise<void> {
    const { now } = read;
    const settings = this.host.settings();
    const slicer = readSlicer(read);
    const vault = await loadRecords(this.host.repo, settings, undefined, slicer.tick);
    const data = await homeData({
      vault,
      settings,
      today: dayOf(now),
      now,
      runningSession: this.host.runningSession(),
      reflectionPath: await this.host.dailyReflectionPath(dayOf(now)),
      tick: slicer.tick,
    });
    if (read.stale()) return;
    this.recordPaths = new Set(vault.records.map((record) => record.path));
    this.data = data;
    this.render();
  }

  protected readFailed(error: unknown): void {
    this.contentEl.empty();
    this.contentEl.createEl("p", { cls: "lifebetter-form-error", text: `The home could not be read: ${errorMessage(error)}` });
  }

  /**
   * A session started or stopped (plugin data, not a record) re-reads everything; a session still
   * running only has its minutes redrawn.
   */
  sessionTick(now: Date = new Date()): void {
    const data = this.data;
    if (!data) return;
    const running = this.host.runningSession();
    if ((running?.start ?? null) !== (data.session?.start ?? null)) {
      this.rereadSoon();
      return;
    }
    if (running && data.session) {
      data.session.minutes = elapsedMinutes(running, now);
      this.render();
    }
  }

  private render(): void {
    const data = this.data;
    if (!data) return;
    const el = this.contentEl;
    // Keep the keyboard where it was across a redraw (a row of the same name, else the same button).
    const focused = el.querySelector<HTMLElement>(":focus")?.getAttribute("aria-label") ?? null;
    el.empty();
    const header = el.createDiv({ cls: "lifebetter-home-header" });
    header.createEl("h2", { text: "Today" });
    header.createSpan({ cls: "lifebetter-muted", text: dateText(data.date) });
    const refresh = header.createEl("button", { cls: "lifebetter-home-refresh", text: "Refresh", attr: { "aria-label": "Refresh home" } });
    refresh.addEventListener("click", () => void this.refresh());
    this.renderToday(el.createDiv({ cls: "lifebetter-home-today" }), data);
    el.createEl("h2", { text: "This week against last week" });
    this.renderWeek(el.createDiv({ cls: "lifebetter-home-week" }), data);
    if (focused) el.querySelector<HTMLElement>(`[aria-label="${CSS.escape(focused)}"]`)?.focus();
  }

  private section(parent: HTMLElement, cls: string, title: string): HTMLElement {
    const section = parent.createDiv({ cls: `lifebetter-home-section ${cls}` });
    section.createEl("h3", { text: title });
    return section;
  }

  private renderToday(el: HTMLElement, data: HomeData): void {
    const glance = el.createEl("ul", { cls: "lifebetter-home-glance" });
    const reviews = data.reviewsDue === 0 ? "No skill reviews due" : `${count(data.reviewsDue, "skill review")} due`;
    actionRow(glance, "is-reviews", `Start review: ${reviews}`, () => void this.host.openReview()).createSpan({ text: `${reviews} · Start review` });
    const state = REFLECTION_STATES[data.reflection.state];
    actionRow(
      glance,
      `is-reflection is-${data.reflection.state}`,
      `Open today's reflection: ${state}`,
      () => void this.host.openReflection("daily"),
    ).createSpan({
      text: `Today's reflection: ${state.toLowerCase()}`,
    });
    if (data.session) {
      const { problem, start, minutes } = data.session;
      actionRow(glance, "is-session", `Open ${problem.title}: work session running`, (how) => void this.openProblem(problem.path, how)).createSpan({
        text: `Working on ${problem.title} for ${minutesText(minutes)} (since ${dateText(start)})`,
      });
    } else {
      glance.createEl("li", { cls: "lifebetter-home-row is-session lifebetter-muted", text: "No work session running" });
    }

    if (data.decisionsDue.length > 0) {
      const list = this.section(el, "is-decisions", "Decisions to review").createEl("ul");
      for (const decision of data.decisionsDue) {
        const row = actionRow(list, "is-decision", `Review decision ${decision.title}`, () => void this.host.openReview());
        row.createSpan({ cls: "lifebetter-home-title", text: decision.title });
        if (decision.reviewOn) row.createSpan({ cls: "lifebetter-muted", text: ` · due ${decision.reviewOn}` });
      }
    }

    const problems = this.section(el, "is-problems", "Open problems");
    if (data.problems.length === 0) problems.createEl("p", { cls: "lifebetter-muted", text: "No open problems." });
    const list = problems.createEl("ul");
    for (const problem of data.problems) this.renderProblem(list, problem);

    const actions = this.section(el, "is-actions", "Next actions");
    if (data.nextActions.length === 0) actions.createEl("p", { cls: "lifebetter-muted", text: "No open tasks in your problem notes." });
    const actionList = actions.createEl("ul");
    for (const action of data.nextActions) {
      const row = actionRow(
        actionList,
        `is-action${action.overdueDays > 0 ? " is-overdue" : ""}`,
        `Open ${action.problem.title}: ${action.text}`,
        (how) => void openNote(this.app, action.problem.path, how),
      );
      row.createSpan({ cls: "lifebetter-home-title", text: action.text });
      const due = dueText(action);
      row.createSpan({ cls: "lifebetter-muted", text: ` · ${action.problem.title}${due ? ` · ${due}` : ""}` });
    }

    const patterns = this.section(el, "is-patterns", "Patterns to look at");
    if (data.patterns.length === 0) patterns.createEl("p", { cls: "lifebetter-muted", text: "No confident patterns waiting for you." });
    const patternList = patterns.createEl("ul");
    for (const pattern of data.patterns) {
      const row = actionRow(patternList, "is-pattern", `Open patterns: ${pattern.name}`, () => void this.host.openPatterns());
      row.createSpan({ cls: "lifebetter-home-title", text: pattern.name });
      row.createSpan({ cls: "lifebetter-muted", text: ` · confidence ${Math.round(pattern.confidence * 100)}%` });
    }
  }

  private renderProblem(list: HTMLElement, problem: HomeProblem): void {
    const row = actionRow(
      list,
      `is-problem${problem.stale ? " is-stale" : ""}`,
      `Open problem ${problem.title}`,
      (how) => void this.openProblem(problem.path, how),
    );
    const line = row.createDiv();
    line.createSpan({ cls: "lifebetter-home-title", text: problem.title });
    if (problem.priority) line.createSpan({ cls: `lifebetter-badge is-priority-${problem.priority}`, text: humanize(problem.priority) });
    if (problem.status === "blocked") line.createSpan({ cls: "lifebetter-badge is-blocked", text: "Blocked" });
    if (problem.stale) line.createSpan({ cls: "lifebetter-badge is-stale", text: "Stale" });
    if (problem.overdueMilestones.length > 0) line.createSpan({ cls: "lifebetter-badge is-overdue", text: `${problem.overdueMilestones.length} overdue` });
    if (problem.nextMilestone) {
      const due = dueText(problem.nextMilestone);
      row.createDiv({ cls: "lifebetter-muted", text: `Next: ${problem.nextMilestone.text}${due ? ` · ${due}` : ""}` });
    }
    if (problem.openBlockers.length > 0) {
      const blockers = row.createDiv({ cls: "lifebetter-home-blockers" });
      blockers.createSpan({ cls: "lifebetter-muted", text: "Blocked by " });
      for (const blocker of problem.openBlockers) {
        const button = blockers.createEl("button", {
          cls: "lifebetter-link-button",
          text: blocker.title,
          attr: { "aria-label": `Open blocker ${blocker.title}` },
        });
        onOpenGesture(button, (how) => void openNote(this.app, blocker.path, how));
      }
    }
  }

  private openProblem(path: string, how: OpenHow): Promise<void> {
    return openProblemView(this.app, path, how, (problem) => this.host.openProblem(problem));
  }

  private renderWeek(el: HTMLElement, data: HomeData): void {
    const table = el.createEl("table", { cls: "lifebetter-home-week-table" });
    const head = table.createEl("thead").createEl("tr");
    head.createEl("th", { attr: { scope: "col" }, text: "" });
    head.createEl("th", { attr: { scope: "col" }, text: `This week (from ${data.week.start})` });
    head.createEl("th", { attr: { scope: "col" }, text: `Last week (from ${data.previousWeek.start})` });
    const body = table.createEl("tbody");
    for (const metric of WEEK_METRICS) {
      const row = body.createEl("tr", { attr: { "data-metric": metric.key } });
      row.createEl("th", { attr: { scope: "row" }, text: metric.label });
      for (const [which, week] of [
        ["week", data.week],
        ["previous_week", data.previousWeek],
      ] as const) {
        row.createEl("td", { text: metric.value(week), attr: { "data-week": which, "data-value": JSON.stringify(metric.raw(week)) } });
      }
    }
  }
}
