import { parseArgs } from "node:util";
import { activityTypes } from "../../core/problems/session-activity";
import type { CliIo } from "../io";
import { findPatterns } from "../../core/patterns/engine";
import { loadRecords } from "../../core/vault/records";
import { staleDaysOption } from "./problem-args";
import { openVault } from "../vault-context";

export const patternsUsage = `lifebetter patterns --vault DIR [--stale-days N] [--json]
  (--stale-days defaults to the plugin's setting, else 14)
  Proposes patterns from entries, work sessions, reflections and problems, best first. Patterns you
  confirmed or dismissed in the view are not proposed again. With --json, an array of
  {name, pattern_type, confidence, positive, evidence: [paths], suggestion, description, why, key}.
  The confidence is the calibrated chance that the pattern is real (see the README).`;

export async function runPatterns(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { vault: { type: "string" }, "stale-days": { type: "string" }, json: { type: "boolean" } },
    strict: true,
  });
  const { repo, settings } = await openVault(values.vault, io);
  const staleDays = staleDaysOption(values["stale-days"], settings.staleDays);
  const report = await findPatterns(await loadRecords(repo, settings), { staleDays, habits: settings.habits, activityTypes: activityTypes(settings) });
  if (values.json) {
    const rows = report.proposals.map((p) => ({
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
    io.out(JSON.stringify(rows) + "\n");
    return 0;
  }
  if (report.proposals.length === 0) {
    io.out("No patterns yet: keep logging sessions, reflections and entries, and patterns will show once there is enough data.\n");
    return 0;
  }
  const lines: string[] = [];
  for (const p of report.proposals) {
    lines.push(`${p.confidence.toFixed(2)}  [${p.pattern_type}] ${p.name}`);
    lines.push(`      ${p.description}`);
    lines.push(`      Why: ${p.why}`);
    lines.push(`      Suggestion: ${p.suggestion}`);
    lines.push(`      Evidence (${p.evidence.length}): ${p.evidence.slice(0, 5).join(", ")}${p.evidence.length > 5 ? `, … and ${p.evidence.length - 5} more` : ""}`);
  }
  io.out(lines.join("\n") + "\n");
  return 0;
}
