import type { Trend } from "../../core/reflection/digest";
import type { ContextNote, PeriodContext } from "../../core/reflection/context";
import type { ReflectionModel } from "../../core/reflection/reflection-model";
import type { ReflectionValues } from "../../core/reflection/values";
import { describePromptSync } from "../../core/reflection/sync-report";
import { daysIn } from "../../core/reflection/periods";
import { parseWikilink } from "../../core/codec/wikilinks";
import { onOpenGesture, type OpenHow } from "../common/open-note";
import { daysText, durationText, PERIOD_NAMES, periodTitle } from "./reflection-labels";

/** What the panel's controls do; the view writes through the repository. */
export interface ReflectionPanelActions {
  setValues(values: ReflectionValues): Promise<string | null>;
  openNote(path: string, how: OpenHow): void;
}

type Scale = "mood" | "energy" | "stress";
const SCALES: { key: Scale; label: string; low: string; high: string }[] = [
  { key: "mood", label: "Mood", low: "Low", high: "Great" },
  { key: "energy", label: "Energy", low: "Drained", high: "Full" },
  { key: "stress", label: "Stress", low: "Calm", high: "Overwhelmed" },
];

const ARROWS = { up: "↑ rising", down: "↓ falling", flat: "→ steady" } as const;

function noteLink(parent: HTMLElement, note: ContextNote, actions: ReflectionPanelActions, suffix?: string): void {
  const item = parent.createEl("li");
  const link = item.createEl("a", { cls: "lifebetter-reflection-link", text: note.title, href: "#" });
  onOpenGesture(link, (how) => actions.openNote(note.path, how));
  if (suffix) item.createSpan({ cls: "lifebetter-reflection-muted", text: ` ${suffix}` });
}

function noteList(parent: HTMLElement, heading: string, notes: { note: ContextNote; suffix?: string }[], empty: string, actions: ReflectionPanelActions): void {
  const section = parent.createDiv({ cls: "lifebetter-reflection-context-section" });
  section.createEl("h4", { text: heading });
  if (notes.length === 0) {
    section.createDiv({ cls: "lifebetter-reflection-muted", text: empty });
    return;
  }
  const list = section.createEl("ul");
  for (const { note, suffix } of notes) noteLink(list, note, actions, suffix);
}

/** The form at the top of a daily reflection: 1–10 sliders, sleep hours, habit checkboxes. */
function renderForm(parent: HTMLElement, model: ReflectionModel, actions: ReflectionPanelActions, status: (text: string | null) => void): void {
  const form = parent.createDiv({ cls: "lifebetter-reflection-form" });
  const save = async (values: ReflectionValues): Promise<void> => status(await actions.setValues(values));
  for (const scale of SCALES) {
    const value = model.values[scale.key];
    const row = form.createDiv({ cls: "lifebetter-reflection-scale" });
    row.toggleClass("is-unset", value === undefined);
    const id = `lifebetter-reflection-${scale.key}`;
    row.createEl("label", { text: scale.label, attr: { for: id } });
    const slider = row.createEl("input", {
      type: "range",
      attr: { id, min: "1", max: "10", step: "1", "aria-label": `${scale.label}, 1 (${scale.low}) to 10 (${scale.high})` },
    });
    slider.value = String(value ?? 5);
    const output = row.createEl("output", { cls: "lifebetter-reflection-value", text: value === undefined ? "Not set" : String(value), attr: { for: id } });
    slider.addEventListener("input", () => {
      output.setText(slider.value);
      row.removeClass("is-unset");
    });
    // Written when the slider is let go (or a key moves it), not at every step of a drag.
    slider.addEventListener("change", () => void save({ [scale.key]: Number(slider.value) }));
    const clear = row.createEl("button", {
      cls: "lifebetter-reflection-clear clickable-icon",
      text: "×",
      attr: { "aria-label": `Clear ${scale.label.toLowerCase()}` },
    });
    clear.toggleClass("is-hidden", value === undefined);
    clear.addEventListener("click", () => void save({ [scale.key]: null }));
  }
  const sleepRow = form.createDiv({ cls: "lifebetter-reflection-sleep" });
  sleepRow.createEl("label", { text: "Sleep", attr: { for: "lifebetter-reflection-sleep" } });
  const sleep = sleepRow.createEl("input", {
    type: "number",
    attr: { id: "lifebetter-reflection-sleep", min: "0", max: "24", step: "0.5", placeholder: "Not set", "aria-label": "Sleep in hours" },
  });
  sleepRow.createSpan({ cls: "lifebetter-reflection-muted", text: "hours" });
  sleep.value = model.values.sleepHours === undefined ? "" : String(model.values.sleepHours);
  sleep.addEventListener("change", () => {
    const raw = sleep.value.trim();
    void save({ sleep_hours: raw === "" ? null : Number(raw) });
  });
  if (model.habits.length > 0) {
    const habits = form.createEl("fieldset", { cls: "lifebetter-reflection-habits" });
    habits.createEl("legend", { text: "Habits" });
    model.habits.forEach((habit, index) => {
      const label = habits.createEl("label", { cls: "lifebetter-reflection-habit" });
      const box = label.createEl("input", { type: "checkbox", attr: { id: `lifebetter-reflection-habit-${index}` } });
      box.checked = habit.done;
      label.createSpan({ text: habit.name });
      label.createSpan({ cls: "lifebetter-reflection-muted", text: habit.streak > 0 ? ` ${daysText(habit.streak)} in a row` : "" });
      box.addEventListener("change", () => {
        const done = model.habits.filter((other) => (other === habit ? box.checked : other.done)).map((other) => other.name);
        void save({ habits: done });
      });
    });
  }
}

function trendRow(parent: HTMLElement, label: string, trend: Trend, unit: string, max: number, days: readonly string[]): void {
  const row = parent.createDiv({ cls: "lifebetter-reflection-trend" });
  row.createSpan({ cls: "lifebetter-reflection-trend-label", text: label });
  if (trend.average === null) {
    row.createSpan({ cls: "lifebetter-reflection-muted", text: "No entries" });
    return;
  }
  row.createSpan({ text: `${trend.average.toFixed(1)}${unit} average${trend.direction ? `, ${ARROWS[trend.direction]}` : ""}` });
  const bars = row.createDiv({ cls: "lifebetter-reflection-bars", attr: { "aria-hidden": "true" } });
  // One slot a day of the period, so the days without a reflection show as gaps.
  const byDay = new Map(trend.points.map((point) => [point.day, point.value]));
  for (const day of days) {
    const value = byDay.get(day);
    const bar = bars.createDiv({ cls: "lifebetter-reflection-bar", attr: { title: value === undefined ? `${day}: no value` : `${day}: ${value}` } });
    if (value === undefined) bar.addClass("is-empty");
    else bar.style.setProperty("--lifebetter-bar", `${Math.max(0.08, Math.min(1, value / max))}`);
  }
}

function renderDigest(parent: HTMLElement, model: ReflectionModel, actions: ReflectionPanelActions): void {
  const digest = model.digest;
  if (!digest) return;
  const section = parent.createDiv({ cls: "lifebetter-reflection-digest" });
  section.createEl("h3", { text: "Digest" });
  section.createDiv({ cls: "lifebetter-reflection-muted", text: `Daily reflections on ${digest.reflected} of ${digest.days} days` });
  const days = daysIn(model.range);
  trendRow(section, "Mood", digest.mood, "", 10, days);
  trendRow(section, "Energy", digest.energy, "", 10, days);
  trendRow(section, "Stress", digest.stress, "", 10, days);
  trendRow(section, "Sleep", digest.sleep, " h", 12, days);
  noteList(
    section,
    "Wins",
    digest.wins.map((win) => ({ note: { path: win.path, title: win.text }, suffix: win.day })),
    "No wins written down yet.",
    actions,
  );
  noteList(
    section,
    "Time per problem",
    digest.timePerProblem.map((p) => ({ note: p, suffix: durationText(p.minutes) })),
    "No work sessions in this period.",
    actions,
  );
  if (digest.habits.length > 0) {
    const habits = section.createDiv({ cls: "lifebetter-reflection-context-section" });
    habits.createEl("h4", { text: "Habits" });
    const list = habits.createEl("ul");
    for (const habit of digest.habits) {
      list.createEl("li", {
        text: `${habit.name}: ${habit.done} of ${habit.target} days (${Math.round(habit.completion * 100)}%), best run ${daysText(habit.bestStreak)}`,
      });
    }
  }
}

function renderContext(parent: HTMLElement, context: PeriodContext, actions: ReflectionPanelActions, daily: boolean): void {
  const details = parent.createEl("details", { cls: "lifebetter-reflection-context" });
  details.open = true;
  details.createEl("summary", { text: daily ? "Your day" : "This period" });
  const entries = context.entriesByType.flatMap((group) => group.entries.map((note) => ({ note, suffix: group.type })));
  noteList(details, "Entries", entries, "Nothing captured.", actions);
  if (daily)
    noteList(
      details,
      "Problems worked on",
      context.problems.map((p) => ({ note: p, suffix: durationText(p.minutes) })),
      "No work sessions.",
      actions,
    );
  noteList(
    details,
    "Skills reviewed",
    context.skillsReviewed.map((note) => ({ note })),
    "No skill reviewed.",
    actions,
  );
  const problemName = (link: string | undefined) => (link === undefined ? undefined : (parseWikilink(link)?.target ?? link));
  noteList(
    details,
    "Open blockers",
    context.openBlockers.map((note) => ({ note, suffix: problemName(note.problem) })),
    "No open blockers.",
    actions,
  );
  noteList(
    details,
    "Decisions to review",
    context.decisionsDue.map((note) => ({ note, suffix: note.reviewOn ?? undefined })),
    "No decision due.",
    actions,
  );
}

/**
 * The reflection panel: the period, the daily form (or the week's / month's digest), prompts that
 * need attention, and the context as a collapsible section. All text goes in with createEl/setText.
 */
export function renderReflectionPanel(root: HTMLElement, model: ReflectionModel, actions: ReflectionPanelActions): void {
  root.empty();
  root.addClass("lifebetter-reflection");
  const header = root.createDiv({ cls: "lifebetter-reflection-header" });
  header.createDiv({ cls: "lifebetter-reflection-kicker", text: PERIOD_NAMES[model.range.period] });
  header.createEl("h2", { cls: "lifebetter-reflection-title", text: periodTitle(model.range) });
  const open = header.createEl("button", { text: "Open note" });
  onOpenGesture(open, (how) => actions.openNote(model.path, how));
  const statusEl = root.createDiv({ cls: "lifebetter-reflection-status", attr: { role: "status", "aria-live": "polite" } });
  const status = (text: string | null): void => {
    statusEl.setText(text ?? "");
    statusEl.toggleClass("is-error", text !== null);
  };
  // A prompt a template leaves out on purpose is not worth a warning; one whose answers are now
  // only in its property is.
  for (const outcome of model.attention.filter((o) => o.state === "unreadable-property" || o.state === "schema-property" || o.kept.length > 0)) {
    const text = describePromptSync(outcome);
    if (text) root.createDiv({ cls: "lifebetter-reflection-attention", text });
  }
  if (model.range.period === "daily") renderForm(root, model, actions, status);
  renderDigest(root, model, actions);
  renderContext(root, model.context, actions, model.range.period === "daily");
}
