import { groupDifference, present, splitSessions, strongest, unique, type DetectContext } from "../detect-context";
import { focusByHourChart, byWeekdayChart } from "../charts";
import type { PatternCandidate } from "../pattern-types";
import type { PatternData, SessionPoint } from "../pattern-data";

/** Parts of the day, by the hour a session starts (local time). */
export const DAY_PARTS = [
  { name: "morning", from: 5, to: 12 },
  { name: "afternoon", from: 12, to: 17 },
  { name: "evening", from: 17, to: 22 },
  { name: "night", from: 22, to: 29 },
] as const;

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

const inPart = (hour: number, part: (typeof DAY_PARTS)[number]): boolean =>
  (hour >= part.from && hour < part.to) || (hour + 24 >= part.from && hour + 24 < part.to);

type Metric = "focus" | "energy";

interface Grouping {
  id: string;
  label: string;
  /** "in morning sessions", "on Mondays". */
  phrase: string;
  /** "the morning", "Mondays". */
  when: string;
  member: (session: SessionPoint) => boolean;
}

const groupings = (): { dimension: string; groups: Grouping[] }[] => [
  {
    dimension: "hour",
    groups: DAY_PARTS.map((part) => ({
      id: part.name,
      label: part.name,
      phrase: `in ${part.name} sessions`,
      when: part.name === "night" ? "the night" : `the ${part.name}`,
      member: (s: SessionPoint) => inPart(s.hour, part),
    })),
  },
  {
    dimension: "weekday",
    groups: WEEKDAYS.map((name, i) => ({
      id: name.toLowerCase(),
      label: name,
      phrase: `on ${name}s`,
      when: `${name}s`,
      member: (s: SessionPoint) => s.weekday === i,
    })),
  },
];

async function metricCandidates(data: PatternData, metric: Metric, context: DetectContext): Promise<PatternCandidate[]> {
  const { items: sessions, values } = present(data.sessions, (s) => s[metric]);
  const found: PatternCandidate[] = [];
  for (const { dimension, groups } of groupings()) {
    const candidates: PatternCandidate[] = [];
    for (const group of groups) {
      const { inside, outside, evidence } = splitSessions(sessions, values, group.member);
      const key = `temporal/${metric}/${dimension}/${group.id}`;
      const found = await groupDifference(key, inside, outside, context);
      if (!found) continue;
      const { test, higher, a, b } = found;
      candidates.push({
        key,
        name: `${metric === "focus" ? "Focus" : "Energy"} is ${higher ? "higher" : "lower"} ${group.phrase}`,
        description: `Your ${metric} averaged ${a} ${group.phrase} against ${b} in the others (${inside.length} and ${outside.length} sessions).`,
        pattern_type: "temporal",
        positive: higher,
        compared: `your ${metric} ${group.phrase} (${inside.length} sessions) against the other ${outside.length} sessions`,
        evidence: unique(evidence),
        suggestion: higher ? `Plan your hardest work for ${group.when}.` : `Keep routine work for ${group.when} and protect your best hours for hard problems.`,
        chart: dimension === "hour" ? focusByHourChart(data.sessions, metric) : byWeekdayChart(data.sessions, metric),
        test,
      });
      await context.tick();
    }
    // The groups of one dimension tell one story ("mornings are better" = "afternoons are worse"): keep the clearest.
    found.push(...strongest(candidates));
  }
  return found;
}

/** Temporal: when focus and energy are higher, by part of the day and weekday (from session rows). */
export async function detectTemporal(data: PatternData, context: DetectContext): Promise<PatternCandidate[]> {
  return [...(await metricCandidates(data, "focus", context)), ...(await metricCandidates(data, "energy", context))];
}
