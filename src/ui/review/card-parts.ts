import { format, isValid, parseISO } from "date-fns";
import type { SkillEffectiveness } from "../../core/skills/effectiveness";
import type { SkillExample } from "../../core/skills/skill-examples";
import { humanize } from "../common/labels";
import { onOpenGesture, type OpenHow } from "../common/open-note";

/** "Used 4 times · worked 75% of the time · 2.5 h to a solution on average". */
export function effectivenessText(effectiveness: SkillEffectiveness): string {
  const { uses, successRate, avgHoursToSolution } = effectiveness;
  if (uses === 0) return "Not used on a problem yet";
  const parts = [uses === 1 ? "Used once" : `Used ${uses} times`];
  if (successRate !== null) parts.push(`worked ${Math.round(successRate * 100)}% of the time`);
  if (avgHoursToSolution !== null) parts.push(`${formatHours(avgHoursToSolution)} to a solution on average`);
  return parts.join(" · ");
}

function formatHours(hours: number): string {
  return `${hours < 10 ? Math.round(hours * 10) / 10 : Math.round(hours)} h`;
}

/** A note's own date, as a short local day ("24 Nov 2026"); the text itself when it is not a date. */
export function shortDay(when: string): string {
  const date = parseISO(when);
  return isValid(date) ? format(date, "d MMM yyyy") : when;
}

/** Recent entries and problems that link the skill; each opens its note. */
export function renderExamples(containerEl: HTMLElement, examples: readonly SkillExample[], open: (path: string, how: OpenHow) => void): void {
  const section = containerEl.createDiv({ cls: "lifebetter-review-examples" });
  section.createDiv({ cls: "lifebetter-review-label", text: "Recent uses" });
  if (examples.length === 0) {
    section.createDiv({ cls: "lifebetter-review-muted", text: "No entry or problem links this skill yet." });
    return;
  }
  const list = section.createEl("ul");
  for (const example of examples) {
    const item = list.createEl("li");
    const link = item.createEl("a", { cls: "lifebetter-review-example", text: example.name, href: "#" });
    onOpenGesture(link, (how) => open(example.path, how));
    const kind = example.kind === "problem" ? "Problem" : humanize(example.type ?? "entry");
    item.createSpan({ cls: "lifebetter-review-muted", text: ` ${kind} · ${shortDay(example.when)}` });
  }
}

/** Hand-edited values the queue could not use: shown, never hidden (the next grade repairs them). */
export function renderWarnings(containerEl: HTMLElement, warnings: readonly string[], repair: string): void {
  if (warnings.length === 0) return;
  const box = containerEl.createDiv({ cls: "lifebetter-review-warning", attr: { role: "alert" } });
  box.createDiv({ text: "This note has values that could not be used:" });
  const list = box.createEl("ul");
  for (const warning of warnings) list.createEl("li", { text: warning });
  box.createDiv({ cls: "lifebetter-review-muted", text: repair });
}

/** A key hint shown on a button: `<kbd>`, so users see which key does the same. */
export function keyHint(el: HTMLElement, key: string): void {
  el.createEl("kbd", { cls: "lifebetter-review-key", text: key });
}
