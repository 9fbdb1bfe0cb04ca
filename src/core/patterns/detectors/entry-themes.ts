import { unique, type DetectContext } from "../detect-context";
import { countsByMonthChart } from "../charts";
import { themesOf, type Theme } from "../themes";
import type { PatternCandidate } from "../pattern-types";
import type { PatternData } from "../pattern-data";

/** What a candidate about one theme of an entry type says the same way in every detector: the comparison, evidence, chart and test. */
export type ThemeFields = Pick<PatternCandidate, "compared" | "evidence" | "chart" | "test">;

export interface EntryTheme {
  topic: Theme;
  /** How many entries of the type there are. */
  total: number;
  fields: ThemeFields;
}

/**
 * The themes among the entries of one type (blockers, questions) against the person's other entries:
 * what "blockers keep coming back" and "you ask many questions about" share. `plural` names the entries
 * in the candidate's words ("blockers").
 */
export async function entryTypeThemes(data: PatternData, context: DetectContext, type: string, plural: string): Promise<EntryTheme[]> {
  const ofType = data.entries.filter((e) => e.type === type);
  const others = data.entries.filter((e) => e.type !== type);
  const total = ofType.length;
  const series = plural.charAt(0).toUpperCase() + plural.slice(1);
  return (await themesOf(ofType, others, data, context)).map((topic) => ({
    topic,
    total,
    fields: {
      compared: topic.byMeaning
        ? `how many of your ${total} ${plural} are this close in meaning against how many of your other notes are`
        : `how many of your ${total} ${plural} share these words against how often your other notes use them`,
      evidence: unique(topic.members.map((e) => e.path)),
      chart: countsByMonthChart(
        `${series} about ${topic.label} by month`,
        topic.members.map((e) => e.date),
        series,
      ),
      test: topic.test,
    },
  }));
}
