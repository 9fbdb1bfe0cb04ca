import { problemsDashboard, type ProblemSummary, type ProblemsDashboard } from "../../core/problems/dashboard";
import { PROBLEM_STATUSES } from "../../core/schema/kinds";
import { errorMessage } from "../../core/errors";
import { loadRecords } from "../../core/vault/records";
import { humanize } from "../common/labels";
import { DASHBOARD_COLUMNS, nextSort, sortProblems, type DashboardColumn, type DashboardSort } from "./dashboard-sort";
import { agoText, minutesText } from "./durations";
import type { ProblemsContext } from "./problems-context";
import { onOpenGesture } from "../common/open-note";
import { RecordView, type RecordRead, type ViewLabel } from "../common/record-view";
import { openProblemView } from "./open-problem";

export const PROBLEMS_DASHBOARD_VIEW_TYPE = "lifebetter-problems-dashboard";
const REFRESH_DELAY_MS = 500;
const OTHER = "other";

/** Groups in the order shown: the statuses, then any status written by hand that is none of them. */
function groupsOf(problems: readonly ProblemSummary[]): { status: string; problems: ProblemSummary[] }[] {
  const known = PROBLEM_STATUSES as readonly string[];
  const groups = [...known, OTHER].map((status) => ({
    status,
    problems: problems.filter((problem) => (status === OTHER ? !known.includes(problem.status) : problem.status === status)),
  }));
  return groups.filter((group) => group.problems.length > 0);
}

/**
 * The problems dashboard: active, blocked, solved (and abandoned) groups with priority, time spent
 * against the estimate, last worked, open blockers, milestones and stale flags. Column headers are
 * buttons (Tab to reach, Enter to sort); rows take focus and open the problem on Enter or click.
 */
export class ProblemsDashboardView extends RecordView<ProblemsContext> {
  static readonly label: ViewLabel = { type: PROBLEMS_DASHBOARD_VIEW_TYPE, title: "Problems", icon: "list-checks" };
  private sort: DashboardSort | null = null;
  private data: ProblemsDashboard | null = null;

  override async onOpen(): Promise<void> {
    this.contentEl.addClass("lifebetter-problems-dashboard");
    this.followRecords(REFRESH_DELAY_MS);
    await this.refresh();
  }

  /** Re-reads problems and entries and redraws, keeping the chosen sort. */
  refresh(now?: Date): Promise<void> {
    return this.reread(now);
  }

  protected async readRecords(read: RecordRead): Promise<void> {
    const { now } = read;
    const vault = await loadRecords(this.host.repo, this.host.settings(), ["problem", "entry"]);
    if (read.stale()) return;
    this.recordPaths = new Set(vault.records.map((record) => record.path));
    this.data = problemsDashboard(vault, now, this.host.settings().staleDays);
    this.render(now);
  }

  protected readFailed(error: unknown): void {
    this.contentEl.empty();
    this.contentEl.createEl("p", { cls: "lifebetter-form-error", text: `The problems could not be read: ${errorMessage(error)}` });
  }

  private render(now: Date, focusColumn?: { status: string; column: DashboardColumn }): void {
    const data = this.data;
    if (!data) return;
    const el = this.contentEl;
    el.empty();
    el.createEl("h2", { text: "Problems" });
    if (data.problems.length === 0) {
      el.createEl("p", { cls: "lifebetter-muted", text: "No problems yet: create one with the new problem command." });
      return;
    }
    const stale = data.problems.filter((problem) => problem.stale).length;
    const counts = PROBLEM_STATUSES.map((status) => `${data.counts[status]} ${status}`);
    const staleDays = this.host.settings().staleDays;
    el.createEl("p", {
      cls: "lifebetter-dashboard-summary",
      text: `${counts.join(" · ")} · ${stale} stale (no session for ${staleDays} ${staleDays === 1 ? "day" : "days"})`,
    });
    for (const group of groupsOf(data.problems)) {
      const section = el.createDiv({ cls: `lifebetter-dashboard-group is-${group.status}` });
      section.createEl("h3", { text: `${humanize(group.status)} (${group.problems.length})` });
      this.renderTable(section, group.status, sortProblems(group.problems, this.sort), now, focusColumn);
    }
  }

  private renderTable(el: HTMLElement, status: string, problems: ProblemSummary[], now: Date, focusColumn?: { status: string; column: DashboardColumn }): void {
    const table = el.createEl("table", { cls: "lifebetter-dashboard-table" });
    const headRow = table.createEl("thead").createEl("tr");
    for (const column of DASHBOARD_COLUMNS) {
      const sorted = this.sort?.column === column.key ? this.sort.direction : "none";
      const th = headRow.createEl("th", { attr: { scope: "col", "aria-sort": sorted } });
      const arrow = sorted === "ascending" ? " ▲" : sorted === "descending" ? " ▼" : "";
      const button = th.createEl("button", {
        cls: "lifebetter-sort",
        text: column.label + arrow,
        attr: { "aria-label": `Sort by ${column.label.toLowerCase()}` },
      });
      button.addEventListener("click", () => {
        this.sort = nextSort(this.sort, column.key);
        this.render(now, { status, column: column.key });
      });
      if (focusColumn?.status === status && focusColumn.column === column.key) window.setTimeout(() => button.focus(), 0);
    }
    const body = table.createEl("tbody");
    for (const problem of problems) this.renderRow(body, problem, now);
  }

  private renderRow(body: HTMLElement, problem: ProblemSummary, now: Date): void {
    const row = body.createEl("tr", { cls: "lifebetter-dashboard-row", attr: { tabindex: "0", "data-path": problem.path } });
    row.toggleClass("is-stale", problem.stale);
    onOpenGesture(row, (how) => void openProblemView(this.app, problem.path, how, (path) => this.host.openProblem(path)), { space: true });

    const title = row.createEl("td", { cls: "lifebetter-dashboard-title" });
    title.createSpan({ text: problem.title });
    if (problem.isGoal) title.createSpan({ cls: "lifebetter-badge", text: "Goal" });
    if (problem.stale) title.createSpan({ cls: "lifebetter-badge is-stale", text: "Stale" });

    row.createEl("td", { text: problem.priority ? humanize(problem.priority) : "—" });

    const spent = minutesText(problem.timeSpent ?? 0);
    const time = row.createEl("td", { text: problem.estimate === undefined ? spent : `${spent} / ${minutesText(problem.estimate)}` });
    time.toggleClass("is-over", (problem.estimateUsed ?? 0) > 1);

    row.createEl("td", { text: problem.lastWorked ? agoText(problem.lastWorked, now) : "Never" });

    const blockers = row.createEl("td", { text: String(problem.openBlockers) });
    blockers.toggleClass("is-blocked", problem.openBlockers > 0);

    const { done, total } = problem.milestones;
    const milestones = row.createEl("td", { text: total === 0 ? "—" : `${done}/${total}` });
    const overdue = problem.overdueMilestones.length;
    if (overdue > 0) {
      milestones.createSpan({
        cls: "lifebetter-badge is-overdue",
        text: `${overdue} overdue`,
        attr: { title: problem.overdueMilestones.map((task) => `${task.text} (due ${task.dates.due ?? ""})`).join("\n") },
      });
    }
  }
}
