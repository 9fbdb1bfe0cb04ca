import { activityTypes } from "../../core/problems/session-activity";
import { findPatterns } from "../../core/patterns/engine";
import { loadRecords } from "../../core/vault/records";
import { defineCommand } from "../command-kit";
import { STALE_DAYS_OPTION, staleDaysOption } from "./problem-args";

export const patternsUsage = `lifebetter patterns --vault DIR [--stale-days N] [--json]
  (--stale-days defaults to the plugin's setting, else 14)
  Proposes patterns from entries, work sessions, reflections and problems, best first. Patterns you
  confirmed or dismissed in the view are not proposed again. With --json, an array of
  {name, pattern_type, confidence, positive, evidence: [paths], suggestion, description, why, key}.
  The confidence is the calibrated chance that the pattern is real (see the README).`;

export const patternsCommand = defineCommand({
  usage: patternsUsage,
  options: STALE_DAYS_OPTION,
  run: async ({ values }, { repo, settings }) => {
    const staleDays = staleDaysOption(values["stale-days"], settings.staleDays);
    const report = await findPatterns(await loadRecords(repo, settings), { staleDays, habits: settings.habits, activityTypes: activityTypes(settings) });
    const json = report.proposals.map((p) => ({
      name: p.name,
      pattern_type: p.pattern_type,
      confidence: p.confidence,
      positive: p.positive,
      evidence: p.evidence,
      suggestion: p.suggestion,
      description: p.description,
      why: p.why,
      key: p.key,
    }));
    if (report.proposals.length === 0)
      return { json, text: "No patterns yet: keep logging sessions, reflections and entries, and patterns will show once there is enough data." };
    const text = report.proposals.flatMap((p) => [
      `${p.confidence.toFixed(2)}  [${p.pattern_type}] ${p.name}`,
      `      ${p.description}`,
      // A grouped finding explains each of its comparisons on a line: each stays under "Why".
      ...p.why.split("\n").map((line, i) => `${i === 0 ? "      Why: " : "           "}${line}`),
      `      Suggestion: ${p.suggestion}`,
      `      Evidence (${p.evidence.length}): ${p.evidence.slice(0, 5).join(", ")}${p.evidence.length > 5 ? `, … and ${p.evidence.length - 5} more` : ""}`,
    ]);
    return { json, text };
  },
});
