import { groupDifference, present, splitSessions, strongest, unique, type DetectContext } from "../detect-context";
import { byActivityTypeChart } from "../charts";
import type { PatternCandidate } from "../pattern-types";
import type { PatternData, SessionPoint } from "../pattern-data";

type Metric = "focus" | "distractions";

/** Sessions of a type needed before it is compared with the others (fewer say nothing). */
const MIN_TYPE_SESSIONS = 5;

/**
 * Focus, or the distractions count, in the sessions of one activity type against the other typed
 * sessions (untyped ones, as in tables written before types, are left out: they are no group).
 */
async function metricByType(data: PatternData, metric: Metric, context: DetectContext): Promise<PatternCandidate[]> {
  const typed = data.sessions.filter((session): session is SessionPoint & { activityType: string } => session.activityType !== undefined);
  const { items: sessions, values } = present(typed, (session) => session[metric]);
  const types = [...new Set(sessions.map((session) => session.activityType))].sort();
  if (types.length < 2) return [];
  const candidates: PatternCandidate[] = [];
  for (const type of types) {
    const { inside, outside, evidence } = splitSessions(sessions, values, (session) => session.activityType === type);
    if (inside.length < MIN_TYPE_SESSIONS) continue;
    const key = `activity/${metric}/${type}`;
    const found = await groupDifference(key, inside, outside, context);
    if (!found) continue;
    const { test, higher, a, b } = found;
    // More focus is good; more distractions is not.
    const positive = metric === "focus" ? higher : !higher;
    const what = metric === "focus" ? "Focus" : "Distractions";
    candidates.push({
      key,
      name: `${what} ${metric === "focus" ? "is" : "are"} ${higher ? "higher" : "lower"} in ${type} sessions`,
      description: `Your ${metric === "focus" ? "focus" : "distractions per session"} averaged ${a} in ${type} sessions against ${b} in your other typed sessions (${inside.length} and ${outside.length} sessions).`,
      pattern_type: "behavioral",
      positive,
      compared: `your ${metric} in ${type} sessions (${inside.length}) against your other ${outside.length} sessions with an activity type`,
      evidence: unique(evidence),
      suggestion: positive
        ? `Whatever makes ${type} sessions go well (time of day, place, length), try it for the others.`
        : metric === "focus"
          ? `Give ${type} sessions a time when you are fresh, or make them shorter.`
          : `Silence notifications and close chat during ${type} sessions.`,
      chart: byActivityTypeChart(data.sessions),
      test,
    });
    await context.tick();
  }
  // The types of one metric tell one story ("meetings are worse" = "the rest is better"): keep the clearest.
  return strongest(candidates);
}

/** Activity types: focus and distractions by the type of work a session was (from typed session rows). */
export async function detectActivityTypes(data: PatternData, context: DetectContext): Promise<PatternCandidate[]> {
  return [...(await metricByType(data, "focus", context)), ...(await metricByType(data, "distractions", context))];
}
