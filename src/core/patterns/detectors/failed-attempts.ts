import { ATTEMPT_OUTCOMES } from "../../schema/kinds";
import { countsByMonthChart } from "../charts";
import { unique, type DetectContext } from "../detect-context";
import type { EntryPoint, PatternData } from "../pattern-data";
import type { PatternCandidate } from "../pattern-types";
import { MIN_GROUP } from "../statistics";
import { themesOf } from "../themes";

/** Outcomes of an attempt that did not work. */
const FAILED: ReadonlySet<string> = new Set<(typeof ATTEMPT_OUTCOMES)[number]>(["failed", "abandoned"]);
/** Failed attempts about one theme must fall on at least this many different days to "keep failing". */
const MIN_FAILED_DAYS = 3;

const outcomeOf = (entry: EntryPoint): string => entry.outcome?.trim().toLowerCase() ?? "";

/**
 * Themes among failed and abandoned attempts, by meaning when the index has vectors (else by shared
 * words), with the tests, labelling and evidence rules of blockers and questions: a theme is
 * compared with every other note, successful attempts included. (Against the other attempts alone,
 * a person's twenty or so successes give too little power: eight failed rewrites out of 28 failures,
 * none among 20 successes, is p 0.007, q 0.2 — nothing to propose.) So a theme says what keeps
 * coming back among the failures, not that it fails more often than it works.
 */
export async function failedAttemptThemes(data: PatternData, context: DetectContext): Promise<PatternCandidate[]> {
  const isFailed = (e: EntryPoint): boolean => e.type === "attempt" && FAILED.has(outcomeOf(e));
  const failed = data.entries.filter(isFailed);
  const others = data.entries.filter((e) => !isFailed(e));
  if (failed.length === 0 || others.length < MIN_GROUP) return [];
  return (await themesOf(failed, others, data, context))
    .filter((theme) => new Set(theme.members.map((e) => e.date)).size >= MIN_FAILED_DAYS)
    .map((theme): PatternCandidate => {
      const label = theme.label;
      return {
        key: `problem-solving/failed-attempts/${theme.id}`,
        name: `Failed attempts about ${label} keep coming back`,
        description: `${theme.members.length} of your ${failed.length} failed or abandoned attempts are about ${label}, on ${new Set(theme.members.map((e) => e.date)).size} different days, a theme that is rare in your other notes.`,
        pattern_type: "problem-solving",
        positive: false,
        compared: theme.byMeaning
          ? `how many of your ${failed.length} failed or abandoned attempts are this close in meaning against how many of your other notes are`
          : `how many of your ${failed.length} failed or abandoned attempts share these words against how often your other notes use them`,
        evidence: unique(theme.members.map((e) => e.path)),
        suggestion: "Look at what these attempts have in common before trying that way again: another approach or meta-skill may work better.",
        chart: countsByMonthChart(
          `Failed attempts about ${label} by month`,
          theme.members.map((e) => e.date),
          "Failed attempts",
        ),
        test: theme.test,
      };
    });
}
