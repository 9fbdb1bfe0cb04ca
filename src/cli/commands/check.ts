import { applyFixes } from "../../core/check/apply-fixes";
import { checkVault } from "../../core/check/check-vault";
import type { CheckReport } from "../../core/check/findings";
import { isoDateTime } from "../../core/dates/timestamps";
import { defineCommand } from "../command-kit";

export const checkUsage = `lifebetter check --vault DIR [--json] [--fix]
  Reads every note and reports what is wrong, changing nothing.
  --fix   apply the property-only fixes (new id for a duplicate, …); bodies are never touched`;

function summary(report: CheckReport): string {
  const byCode = new Map<string, number>();
  for (const finding of report.findings) byCode.set(finding.code, (byCode.get(finding.code) ?? 0) + 1);
  const records = Object.entries(report.records)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(", ");
  const lines = [
    `Checked ${report.files} notes${records ? ` (LifeBetter records: ${records})` : ""}.`,
    report.findings.length === 0 ? "No problems found." : `${report.findings.length} findings: ${[...byCode].map(([code, n]) => `${n} ${code}`).join(", ")}.`,
  ];
  for (const finding of report.findings) lines.push(`${finding.path}: [${finding.code}] ${finding.message}`);
  return lines.join("\n") + "\n";
}

export const checkCommand = defineCommand({
  usage: checkUsage,
  options: { fix: { type: "boolean" } },
  run: async ({ values }, { repo, settings }, io) => {
    const report = await checkVault(repo, settings);
    if (!values.fix) return { json: report, text: summary(report) };
    const result = await applyFixes(repo, report.findings, () => isoDateTime(new Date()));
    const after = result.applied.length > 0 ? await checkVault(repo, settings) : report;
    if (!values.json) for (const { finding, message } of result.failed) io.err(`could not fix ${finding.path}: ${message}\n`);
    return {
      json: {
        ...after,
        fixed: result.applied.map(({ path, code, fix }) => ({ path, code, fix: fix?.description })),
        failed: result.failed.map(({ finding, message }) => ({ path: finding.path, code: finding.code, message })),
      },
      text: result.applied.map(({ path, fix }) => `fixed ${path}: ${fix?.description}\n`).join("") + summary(after),
    };
  },
});
