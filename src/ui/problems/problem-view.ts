import { Notice, TFile, type ViewStateResult, type WorkspaceLeaf } from "obsidian";
import type { Task } from "../../core/codec/sections";
import type { ThreadReply } from "../../core/capture/threads";
import type { LinkedEntry } from "../../core/problems/linked-entries";
import { problemView, type ProblemView } from "../../core/problems/problem-view";
import { numberProperty, textProperty } from "../../core/schema/property-readers";
import { describeRowProblems, totalMinutes } from "../../core/problems/sessions-table";
import type { ClosingStatus } from "../../core/problems/close-problem";
import { InvalidInputError, errorMessage } from "../../core/errors";
import { overdueDays, setMilestone } from "../../core/problems/milestones";
import { dayOf } from "../../core/dates/days";
import { loadRecords } from "../../core/vault/records";
import { noteName } from "../../core/vault/paths";
import { humanize } from "../common/labels";
import { CloseProblemModal } from "./close-problem-modal";
import { dateText, minutesText } from "./durations";
import { ProblemSuggestionsModal } from "./problem-suggestions-modal";
import type { ProblemsContext } from "./problems-context";
import { ResolveBlockerModal } from "./resolve-blocker-modal";
import { SessionStopModal } from "./session-stop-modal";
import type { WorkSessions } from "./work-sessions";
import { onOpenGesture, openNote } from "../common/open-note";
import { RecordView, type RecordRead, type ViewLabel } from "../common/record-view";

import { PROBLEM_VIEW_TYPE } from "./open-problem";

export { PROBLEM_VIEW_TYPE };
const REFRESH_DELAY_MS = 300;
const TEXT_PREVIEW = 280;
const RECENT_SESSIONS = 5;

interface ProblemViewState {
  path?: string;
}

const CLOSED = new Set(["solved", "abandoned"]);

/** "due 2026-12-01 · overdue 3 days · done 2026-11-30", from the dates on the task's line. */
function milestoneDates(task: Task, today: string): string {
  const parts: string[] = [];
  if (task.dates.scheduled) parts.push(`scheduled ${task.dates.scheduled}`);
  if (task.dates.due) parts.push(`due ${task.dates.due}`);
  const overdue = overdueDays(task, today);
  if (overdue !== undefined) parts.push(`overdue ${overdue} day${overdue === 1 ? "" : "s"}`);
  if (task.dates.done) parts.push(`done ${task.dates.done}`);
  return parts.join(" · ");
}

/** "Open blocker", "Resolved blocker", "Attempt", "Solution". */
function entryLabel(entry: LinkedEntry): string {
  if (entry.type !== "blocker") return humanize(entry.type);
  return entry.open ? "Open blocker" : "Resolved blocker";
}

function preview(text: string): string {
  return text.length > TEXT_PREVIEW ? `${text.slice(0, TEXT_PREVIEW).trimEnd()}…` : text;
}

/**
 * One problem at a glance: its attempts, blockers and solutions on a timeline (open blockers first),
 * milestones with a progress bar, and its sessions; buttons to log, resolve, time and close it. It
 * re-reads the vault whenever a note changes, so edits made anywhere show here.
 */
export class ProblemItemView extends RecordView<ProblemsContext> {
  static readonly label: ViewLabel = { type: PROBLEM_VIEW_TYPE, title: "Problem", icon: "target" };
  path: string | null = null;

  constructor(
    leaf: WorkspaceLeaf,
    host: ProblemsContext,
    private readonly sessions: WorkSessions,
  ) {
    super(leaf, host);
  }

  override getDisplayText(): string {
    return this.path ? noteName(this.path) : "Problem";
  }

  override getState(): Record<string, unknown> {
    return { path: this.path };
  }

  override async setState(state: unknown, result: ViewStateResult): Promise<void> {
    const path = (state as ProblemViewState | null)?.path;
    this.path = typeof path === "string" && path !== "" ? path : null;
    await super.setState(state, result);
    await this.refresh();
  }

  override async onOpen(): Promise<void> {
    this.contentEl.addClass("lifebetter-problem-view");
    // The view follows its note when it is renamed.
    this.registerEvent(this.app.vault.on("rename", (file, oldPath) => oldPath === this.path && (this.path = file.path)));
    this.followRecords(REFRESH_DELAY_MS);
    this.register(this.sessions.onChange(() => void this.refresh()));
    await this.refresh();
  }

  /** Re-reads the problem and its entries and redraws; a later call wins over an earlier slow one. */
  refresh(): Promise<void> {
    return this.reread();
  }

  protected async readRecords(read: RecordRead): Promise<void> {
    const path = this.path;
    if (!path) {
      this.showMessage('No problem chosen. Run "Open problem view" on a problem note.');
      return;
    }
    const vault = await loadRecords(this.host.repo, this.host.settings(), ["problem", "entry"]);
    if (read.stale()) return;
    this.recordPaths = new Set(vault.records.map((record) => record.path));
    const problem = vault.records.find((record) => record.path === path && record.kind === "problem");
    const view: ProblemView | null = problem ? problemView(vault, problem) : null;
    if (!view) {
      this.showMessage(`"${path}" is not a problem note any more (it was deleted, or its kind changed).`);
      return;
    }
    this.render(view);
  }

  protected readFailed(error: unknown): void {
    this.showMessage(`The problem could not be read: ${errorMessage(error)}`);
  }

  private showMessage(text: string): void {
    this.contentEl.empty();
    this.contentEl.createEl("p", { cls: "lifebetter-muted", text });
  }

  private render(view: ProblemView): void {
    const el = this.contentEl;
    el.empty();
    this.renderHeader(el, view);
    this.renderActions(el, view);
    this.renderMilestones(el, view);
    this.renderTimeline(el, view);
    this.renderSessions(el, view);
  }

  private renderHeader(el: HTMLElement, view: ProblemView): void {
    const p = view.problem.properties;
    const header = el.createDiv({ cls: "lifebetter-problem-header" });
    header.createEl("h2", { text: noteName(view.problem.path) });
    const badges = header.createDiv({ cls: "lifebetter-badges" });
    const status = textProperty(p, "status") ?? "active";
    badges.createSpan({ cls: `lifebetter-badge is-${status}`, text: humanize(status) });
    const priority = textProperty(p, "priority");
    if (priority) badges.createSpan({ cls: `lifebetter-badge is-priority-${priority}`, text: `${humanize(priority)} priority` });
    const category = textProperty(p, "category");
    if (category) badges.createSpan({ cls: "lifebetter-badge", text: humanize(category) });

    const facts: string[] = [];
    const spent = numberProperty(p, "time_spent") ?? 0;
    const estimate = numberProperty(p, "estimate");
    facts.push(estimate === undefined ? `${minutesText(spent)} spent` : `${minutesText(spent)} of ${minutesText(estimate)} estimated`);
    const lastWorked = textProperty(p, "last_worked");
    if (lastWorked) facts.push(`last worked ${dateText(lastWorked)}`);
    const target = textProperty(p, "target");
    if (target) facts.push(`target ${dateText(target)}`);
    header.createDiv({ cls: "lifebetter-problem-facts", text: facts.join(" · ") });
  }

  private renderActions(el: HTMLElement, view: ProblemView): void {
    const path = view.problem.path;
    const open = !CLOSED.has(textProperty(view.problem.properties, "status") ?? "active");
    const bar = el.createDiv({ cls: "lifebetter-problem-actions" });
    const button = (text: string, action: () => void, cls?: string): void => {
      bar.createEl("button", { text, cls }).addEventListener("click", action);
    };
    const link = `[[${this.linkText(path)}]]`;
    button("Log attempt", () => this.host.capture({ type: "attempt", problem: link }));
    button("Log blocker", () => this.host.capture({ type: "blocker", problem: link }));
    button("Log solution", () => this.host.capture({ type: "solution", problem: link }));
    const running = this.sessions.running;
    if (running?.problemPath === path) {
      button("Stop work session", () => new SessionStopModal(this.app, this.sessions, running).open(), "mod-cta");
    } else if (open) {
      const id = textProperty(view.problem.properties, "id");
      button("Start work session", () => void this.sessions.start({ path, id }), "mod-cta");
    }
    button("Similar problems", () => new ProblemSuggestionsModal(this.host, path, `${noteName(path)}\n${view.problem.body}`).open());
    if (open) {
      const close = (status: ClosingStatus) => () => new CloseProblemModal(this.host, path, status).open();
      button("Mark solved", close("solved"));
      button("Mark abandoned", close("abandoned"));
    }
    onOpenGesture(bar.createEl("button", { text: "Open note" }), (how) => void openNote(this.app, path, how));
  }

  private renderMilestones(el: HTMLElement, view: ProblemView): void {
    const section = el.createDiv({ cls: "lifebetter-milestones" });
    const { tasks, done, total } = view.milestones;
    section.createEl("h3", { text: "Milestones" });
    if (total === 0) {
      section.createEl("p", { cls: "lifebetter-muted", text: "No milestones yet: add tasks under the milestones heading of the note." });
      return;
    }
    const summary = `${done} of ${total} done`;
    section.createDiv({ cls: "lifebetter-milestone-summary", text: summary });
    section.createEl("progress", { cls: "lifebetter-progress", attr: { max: String(total), value: String(done), "aria-label": `Milestones: ${summary}` } });
    const list = section.createEl("ul", { cls: "lifebetter-milestone-list" });
    tasks.forEach((task, index) => {
      const item = list.createEl("li", { cls: task.checked ? "is-done" : "" });
      const label = item.createEl("label");
      const box = label.createEl("input", { type: "checkbox", cls: "task-list-item-checkbox" });
      box.checked = task.checked;
      box.addEventListener("change", () => void this.tick(view.problem.path, index, task.text, box));
      label.createSpan({ text: task.text });
      const dates = milestoneDates(task, dayOf(new Date()));
      if (dates) item.createSpan({ cls: `lifebetter-milestone-dates${overdueDays(task, dayOf(new Date())) === undefined ? "" : " is-overdue"}`, text: dates });
    });
  }

  /** Ticks or unticks a milestone in the note (only its box changes); the view redraws from the note. */
  private async tick(path: string, index: number, text: string, box: HTMLInputElement): Promise<void> {
    box.disabled = true;
    try {
      await this.host.repo.updateBody(path, (body) => setMilestone(body, index, text, box.checked, dayOf(new Date())));
    } catch (error) {
      new Notice(error instanceof InvalidInputError ? error.message : `The milestone could not be saved: ${errorMessage(error)}`);
    }
    await this.refresh();
  }

  private renderTimeline(el: HTMLElement, view: ProblemView): void {
    const section = el.createDiv({ cls: "lifebetter-timeline" });
    section.createEl("h3", { text: "Timeline" });
    if (view.timeline.length === 0) {
      section.createEl("p", { cls: "lifebetter-muted", text: "No attempts, blockers or solutions yet. Log one with the buttons above." });
      return;
    }
    const list = section.createEl("ol", { cls: "lifebetter-timeline-list" });
    for (const entry of view.timeline) this.renderEntry(list, entry, view.replies.get(entry.path) ?? []);
  }

  /** Replies under their entry, indented by depth; each opens with a link (Tab, then Enter). */
  private renderThread(item: HTMLElement, replies: readonly ThreadReply[]): void {
    if (replies.length === 0) return;
    const thread = item.createEl("ol", { cls: "lifebetter-thread", attr: { "aria-label": `${replies.length} ${replies.length === 1 ? "reply" : "replies"}` } });
    for (const reply of replies) {
      const row = thread.createEl("li", { cls: "lifebetter-thread-reply" });
      row.style.setProperty("--lifebetter-thread-depth", String(reply.depth - 1));
      const head = row.createDiv({ cls: "lifebetter-timeline-head" });
      head.createSpan({ cls: "lifebetter-timeline-type", text: `Reply · ${humanize(reply.type)}` });
      if (reply.timestamp) head.createSpan({ cls: "lifebetter-muted", text: dateText(reply.timestamp) });
      this.openLink(head, reply.path);
      if (reply.text) row.createDiv({ cls: "lifebetter-timeline-text", text: preview(reply.text) });
    }
  }

  private openLink(el: HTMLElement, path: string): void {
    const open = el.createEl("a", { cls: "lifebetter-link", text: noteName(path), href: "#" });
    onOpenGesture(open, (how) => void openNote(this.app, path, how));
  }

  private renderEntry(list: HTMLElement, entry: LinkedEntry, replies: readonly ThreadReply[]): void {
    const item = list.createEl("li", { cls: `lifebetter-timeline-item is-${entry.type}${entry.open ? " is-open" : ""}` });
    const head = item.createDiv({ cls: "lifebetter-timeline-head" });
    head.createSpan({ cls: "lifebetter-timeline-type", text: entryLabel(entry) });
    if (entry.timestamp) head.createSpan({ cls: "lifebetter-muted", text: dateText(entry.timestamp) });
    this.openLink(head, entry.path);
    if (entry.text) item.createDiv({ cls: "lifebetter-timeline-text", text: preview(entry.text) });
    const details: string[] = [];
    if (entry.approach) details.push(`Approach: ${entry.approach}`);
    if (entry.outcome) details.push(`Outcome: ${entry.outcome}`);
    if (entry.timeSpent !== undefined) details.push(minutesText(entry.timeSpent));
    if (entry.metaSkills.length > 0) details.push(`Skills: ${entry.metaSkills.map((skill) => skill.replace(/^\[\[|\]\]$/g, "")).join(", ")}`);
    if (entry.resolved) details.push(`Resolved ${dateText(entry.resolved)}${entry.howResolved ? `: ${entry.howResolved}` : ""}`);
    if (details.length > 0) item.createDiv({ cls: "lifebetter-timeline-details", text: details.join(" · ") });
    if (entry.open) {
      item.createEl("button", { text: "Resolve" }).addEventListener("click", () => new ResolveBlockerModal(this.host, entry.path).open());
    }
    this.renderThread(item, replies);
  }

  private renderSessions(el: HTMLElement, view: ProblemView): void {
    const section = el.createDiv({ cls: "lifebetter-problem-sessions" });
    section.createEl("h3", { text: "Work sessions" });
    if (view.sessionProblems.length > 0) {
      section.createEl("p", {
        cls: "lifebetter-form-error",
        text: `Rows of the Sessions table that cannot be read: ${describeRowProblems(view.sessionProblems)}.`,
      });
    }
    const rows = view.sessions;
    if (rows.length === 0) {
      section.createEl("p", { cls: "lifebetter-muted", text: "No sessions yet. Start one to time your work." });
      return;
    }
    section.createDiv({ text: `${rows.length === 1 ? "1 session" : `${rows.length} sessions`} · ${minutesText(totalMinutes(rows))}` });
    const list = section.createEl("ul", { cls: "lifebetter-session-list" });
    const recent = [...rows].sort((a, b) => b.startTime.getTime() - a.startTime.getTime()).slice(0, RECENT_SESSIONS);
    for (const row of recent) {
      const parts = [dateText(row.start), minutesText(row.minutes)];
      if (row.focus !== undefined) parts.push(`focus ${row.focus}`);
      if (row.energy !== undefined) parts.push(`energy ${row.energy}`);
      if (row.outcome) parts.push(row.outcome);
      list.createEl("li", { text: parts.join(" · ") });
    }
  }

  private linkText(path: string): string {
    const file = this.app.vault.getAbstractFileByPath(path);
    return file instanceof TFile ? this.app.metadataCache.fileToLinktext(file, "", true) : noteName(path);
  }
}
