import { format, isLastDayOfMonth } from "date-fns";
import { parseNote } from "../codec/frontmatter";
import { dayOf } from "../dates/days";
import type { LifeBetterSettings } from "../settings";
import { answerTexts, readAnswerProperty, readAnswerSection } from "./answers";
import type { ReflectionPeriod } from "./periods";

/** A reminder already shown, so it is shown once a period: `daily:2026-11-24`. */
export function reminderKey(period: ReflectionPeriod, now: Date): string {
  return `${period}:${dayOf(now)}`;
}

/**
 * The reflections to remind about now: the daily one from the reflection time on, the weekly one on
 * the chosen weekday, the monthly one on the month's last day; each once (see `shown`).
 */
export function remindersDue(now: Date, settings: LifeBetterSettings, shown: ReadonlySet<string>): ReflectionPeriod[] {
  if (settings.reflectionTime === "" || format(now, "HH:mm") < settings.reflectionTime) return [];
  const due: ReflectionPeriod[] = ["daily"];
  if (now.getDay() === settings.weeklyReflectionDay) due.push("weekly");
  if (isLastDayOfMonth(now)) due.push("monthly");
  return due.filter((period) => !shown.has(reminderKey(period, now)));
}

/** Written: an answer under a prompt or in its property, or a mood, energy, stress or sleep value. */
export function isReflectionWritten(text: string, settings: LifeBetterSettings): boolean {
  const parsed = parseNote(text);
  if (!parsed.ok) return true; // unreadable: do not nag about a note LifeBetter cannot judge
  return hasReflectionContent(parsed.properties, parsed.parts.body, settings);
}

/** The same test on a note already parsed (a record). */
export function hasReflectionContent(p: Record<string, unknown>, body: string, settings: LifeBetterSettings): boolean {
  if (["mood", "energy", "stress", "sleep_hours"].some((name) => typeof p[name] === "number")) return true;
  return settings.reflectionPrompts.some((prompt) => {
    const property = readAnswerProperty(p, prompt.property);
    const section = readAnswerSection(body, prompt);
    return (Array.isArray(property) && property.length > 0) || (section !== undefined && answerTexts(section).length > 0);
  });
}
