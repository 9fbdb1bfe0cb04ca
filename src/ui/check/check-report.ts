import type { CheckReport, Finding, FindingCode } from "../../core/check/findings";
import { canDropValue } from "../../core/check/drop-value";
import { onOpenGesture, type OpenHow } from "../common/open-note";

/** Group headings, in the order they are shown: what breaks things first. */
const GROUPS: { code: FindingCode; label: string }[] = [
  { code: "duplicate-id", label: "Duplicate ids" },
  { code: "missing-id", label: "Missing ids" },
  { code: "malformed-frontmatter", label: "Properties that cannot be read" },
  { code: "invalid-value", label: "Invalid property values" },
  { code: "time-spent-mismatch", label: "Time spent that does not match the sessions" },
  { code: "invalid-session-row", label: "Session rows that cannot be read" },
  { code: "broken-link", label: "Broken links" },
  { code: "unreadable", label: "Notes that cannot be read" },
  { code: "too-large", label: "Notes too large to index" },
  { code: "empty-file", label: "Empty notes" },
];

/** What the rows can do; the view supplies these (the screenshot supplies stand-ins). */
export interface CheckActions {
  open(path: string, how: OpenHow): void;
  /** Applies the finding's own fix; resolves to an error message, or null when it worked. */
  fix(finding: Finding): Promise<string | null>;
  /** Removes the invalid value after asking; resolves to an error message, null when done, "cancelled" when the user said no. */
  drop(finding: Finding & { property: string }): Promise<string | null>;
}

export function reportSummary(report: CheckReport): string {
  const records = Object.values(report.records).reduce((sum, n) => sum + n, 0);
  const found = report.findings.length === 0 ? "no problems found" : `${report.findings.length} ${report.findings.length === 1 ? "finding" : "findings"}`;
  return `${report.files.toLocaleString()} notes checked, ${records.toLocaleString()} LifeBetter records: ${found}.`;
}

/** Renders the findings grouped by kind of problem, each with its one-click fix where one exists. */
export function renderCheckReport(container: HTMLElement, report: CheckReport, actions: CheckActions): void {
  container.empty();
  container.createEl("p", { cls: "lifebetter-check-summary", text: reportSummary(report) });
  if (report.findings.length === 0) {
    container.createEl("p", { cls: "lifebetter-check-empty", text: "Everything the check looks at is in order." });
    return;
  }
  for (const { code, label } of GROUPS) {
    const findings = report.findings.filter((finding) => finding.code === code);
    if (findings.length === 0) continue;
    const section = container.createDiv({ cls: "lifebetter-check-group" });
    section.dataset.code = code;
    section.createEl("h3", { cls: "lifebetter-check-heading", text: `${label} (${findings.length})` });
    const list = section.createEl("ul", { cls: "lifebetter-check-list" });
    for (const finding of findings) renderFinding(list.createEl("li", { cls: `lifebetter-check-item is-${finding.severity}` }), finding, actions);
  }
}

function renderFinding(item: HTMLElement, finding: Finding, actions: CheckActions): void {
  const text = item.createDiv({ cls: "lifebetter-check-text" });
  const link = text.createEl("a", { cls: "lifebetter-check-path", text: finding.path, href: "#" });
  onOpenGesture(link, (how) => actions.open(finding.path, how));
  text.createDiv({ cls: "lifebetter-check-message", text: finding.message });
  const status = item.createDiv({ cls: "lifebetter-check-status" });
  const fix = finding.fix;
  if (fix) {
    addFixButton(item, status, capitalize(fix.description), () => actions.fix(finding));
  } else if (canDropValue(finding)) {
    addFixButton(item, status, `Remove ${finding.property}`, () => actions.drop(finding));
  }
}

function addFixButton(item: HTMLElement, status: HTMLElement, label: string, run: () => Promise<string | null>): void {
  const button = item.createEl("button", { cls: "lifebetter-check-fix", text: label });
  button.addEventListener("click", () => {
    button.disabled = true;
    void run().then((problem) => {
      if (problem === "cancelled") {
        button.disabled = false;
        return;
      }
      if (problem) {
        status.setText(problem);
        status.addClass("mod-warning");
        button.disabled = false;
        return;
      }
      button.remove();
      status.setText("Fixed");
      item.addClass("is-fixed");
    });
  });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
