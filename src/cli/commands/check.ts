import { parseArgs } from "node:util";
import type { CliIo } from "../io";
import { applyFixes } from "../../core/check/apply-fixes";
import { checkVault } from "../../core/check/check-vault";
import type { CheckReport } from "../../core/check/findings";
import { isoDateTime } from "../../core/dates/timestamps";
import { openVault } from "../vault-context";

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
    report.findings.length === 0
      ? "No problems found."
      : `${report.findings.length} findings: ${[...byCode].map(([code, n]) => `${n} ${code}`).join(", ")}.`,
  ];
  for (const finding of report.findings) lines.push(`${finding.path}: [${finding.code}] ${finding.message}`);
  return lines.join("\n") + "\n";
}

export async function runCheck(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { vault: { type: "string" }, json: { type: "boolean" }, fix: { type: "boolean" } },
    strict: true,
  });
  const { repo, settings } = await openVault(values.vault, io);
  const report = await checkVault(repo, settings);
  if (values.fix) {
    const result = await applyFixes(repo, report.findings, () => isoDateTime(new Date()));
    const after = result.applied.length > 0 ? await checkVault(repo, settings) : report;
    if (values.json) {
      io.out(
        JSON.stringify({
          ...after,
          fixed: result.applied.map(({ path, code, fix }) => ({ path, code, fix: fix?.description })),
          failed: result.failed.map(({ finding, message }) => ({ path: finding.path, code: finding.code, message })),
        }) + "\n",
      );
    } else {
      for (const { path, fix } of result.applied) io.out(`fixed ${path}: ${fix?.description}\n`);
      for (const { finding, message } of result.failed) io.err(`could not fix ${finding.path}: ${message}\n`);
      io.out(summary(after));
    }
    return 0;
  }
  io.out(values.json ? JSON.stringify(report) + "\n" : summary(report));
  return 0;
}
