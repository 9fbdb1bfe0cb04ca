import { obsidianMoment as moment } from "../../adapters/obsidian/obsidian-moment";
import type { AnyReflectionPeriod, ReflectionRange } from "../../core/reflection/periods";

export const PERIOD_NAMES: Record<AnyReflectionPeriod, string> = {
  daily: "Daily reflection",
  weekly: "Weekly reflection",
  monthly: "Monthly reflection",
  problem: "Problem reflection",
  adhoc: "Reflection",
};

/** "Tuesday, 24 November 2026", "Week 48 · 23 – 29 November 2026", "November 2026", in Obsidian's language. */
export function periodTitle(range: ReflectionRange): string {
  const start = moment(range.start, "YYYY-MM-DD");
  switch (range.period) {
    case "daily":
      return start.format("dddd, D MMMM YYYY");
    case "weekly":
      return `Week ${start.format("W")} · ${start.format("D MMM")} – ${moment(range.end, "YYYY-MM-DD").format("D MMM YYYY")}`;
    case "monthly":
      return start.format("MMMM YYYY");
    case "problem":
    case "adhoc":
      // One day, or the days it looks back over (a problem's life up to the reflection).
      return range.start === range.end
        ? start.format("dddd, D MMMM YYYY")
        : `${start.format("D MMM YYYY")} – ${moment(range.end, "YYYY-MM-DD").format("D MMM YYYY")}`;
  }
}

export function durationText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export function daysText(days: number): string {
  return days === 1 ? "1 day" : `${days} days`;
}
