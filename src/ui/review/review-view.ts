import { Component, MarkdownRenderer } from "obsidian";
import { InvalidInputError, NoteParseError, errorMessage } from "../../core/errors";
import type { DecisionAnswer } from "../../core/review/decision-review";
import { REVIEW_GRADES, type ReviewGrade } from "../../core/review/grades";
import type { DecisionQueueItem, SkillQueueItem } from "../../core/review/queue";
import { scheduleGrade, type GradeOutcome } from "../../core/review/schedule";
import { effectivenessText, keyHint, renderExamples, renderWarnings, shortDay } from "./card-parts";
import { renderDecisionForm } from "./decision-form";
import { renderReviewSummary } from "./review-summary";
import { ReviewSession } from "../../core/review/review-session";
import { onOpenGesture, openNote, type OpenHow } from "../common/open-note";
import { RecordView, type RecordRead, type ViewLabel } from "../common/record-view";
import type { VaultContext } from "../plugin-context";

export const REVIEW_VIEW_TYPE = "lifebetter-review";

/** Notes change in bursts (sync, a typing user): the queue is rebuilt once the burst is over. */
export const REVIEW_REFRESH_MS = 800;

const GRADE_LABELS: Record<ReviewGrade, string> = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" };

function inDays(days: number): string {
  return days === 1 ? "1 day" : `${days} days`;
}

/** Keys typed into a field belong to the field, never to the review shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return el?.tagName === "INPUT" || el?.tagName === "TEXTAREA" || el?.tagName === "SELECT" || el?.isContentEditable === true;
}

/**
 * "Review meta-skills": due skills one at a time (name and "When would you use this?" first, Space
 * shows the note, 1–4 grade it) and due decisions ("How did it turn out?"), in the queue order of
 * the core. Every grade and answer is written through the repository (processFrontMatter); the
 * queue is rebuilt from the notes whenever they change.
 */
export class ReviewView extends RecordView<VaultContext> {
  static readonly label: ViewLabel = { type: REVIEW_VIEW_TYPE, title: "Review meta-skills", icon: "repeat" };
  readonly session = new ReviewSession(this.host.repo, () => this.host.settings());
  private revealed = false;
  /** The path and text of the card on screen: a refresh leaves an unchanged card alone. */
  private renderedKey = "";
  private summaryEl!: HTMLElement;
  private statusEl!: HTMLElement;
  private bodyEl!: HTMLElement;
  private cardComponent: Component | null = null;
  /** Whether the next paint moves the keyboard focus to the card (the view was just opened). */
  private focusNext = false;
  /** The last grade or answer started from a key or a button. */
  private working: Promise<unknown> = Promise.resolve();
  private loadError: string | null = null;

  override async onOpen(): Promise<void> {
    const root = this.contentEl;
    root.empty();
    root.addClass("lifebetter-review");
    const header = root.createDiv({ cls: "lifebetter-review-header" });
    header.createEl("h2", { cls: "lifebetter-review-title", text: "Review meta-skills" });
    this.summaryEl = header.createDiv({ cls: "lifebetter-review-summary" });
    this.statusEl = root.createDiv({ cls: "lifebetter-review-status", attr: { "aria-live": "polite" } });
    this.bodyEl = root.createDiv({ cls: "lifebetter-review-body" });
    this.bodyEl.createDiv({ cls: "lifebetter-review-muted", text: "Loading the review…" });

    this.registerDomEvent(root, "keydown", (evt) => this.onKey(evt));
    // Only records can change the queue: typing in an ordinary note reloads nothing.
    this.followRecords(REVIEW_REFRESH_MS);
    await this.refresh(true);
  }

  protected override wasRecord(path: string): boolean {
    return this.session.record(path) !== null;
  }

  /** Rebuilds the queue from every note and shows it; `focus` moves the keyboard focus to the card. */
  refresh(focus = false): Promise<void> {
    this.focusNext ||= focus;
    return this.reread();
  }

  /** After record changes only the notes that changed are read again (ReviewSession.update). */
  protected async readRecords(read: RecordRead): Promise<void> {
    try {
      await (read.changed ? this.session.update(read.changed) : this.session.reload());
      this.loadError = null;
    } catch (error) {
      this.loadError = `The review could not be loaded: ${errorMessage(error)}`;
    }
    if (read.stale()) return;
    const focus = this.focusNext;
    this.focusNext = false;
    this.render(focus);
  }

  protected readFailed(error: unknown): void {
    this.loadError = `The review could not be loaded: ${errorMessage(error)}`;
    this.render(false);
  }

  /** Settles once the last grade, answer and reload are done (tests and callers that need the result). */
  async whenIdle(): Promise<void> {
    await this.working;
    await this.readsDone();
  }

  /** Shows the note of the skill on screen. */
  reveal(): void {
    if (this.session.current()?.kind !== "skill" || this.revealed) return;
    this.revealed = true;
    this.render(true, true);
  }

  /** Grades the skill on screen (its note must be shown first), then moves to the next item. */
  async grade(grade: ReviewGrade): Promise<void> {
    const item = this.session.current();
    if (item?.kind !== "skill" || !this.revealed) return;
    let outcome: GradeOutcome;
    try {
      outcome = await this.session.grade(grade);
    } catch (error) {
      this.showStatus(this.refusal(error, `"${item.name}" could not be graded`), true);
      await this.refresh(true);
      return;
    }
    const repaired = outcome.repaired.length > 0 ? ` Repaired: ${outcome.repaired.join("; ")}.` : "";
    this.showStatus(`${GRADE_LABELS[grade]}: "${item.name}" comes back in ${inDays(outcome.intervalDays)} (${shortDay(outcome.reviewDue)}).${repaired}`);
    this.revealed = false;
    this.render(true);
  }

  private async answer(item: DecisionQueueItem, answer: DecisionAnswer): Promise<string | null> {
    try {
      await this.session.answer(answer);
    } catch (error) {
      if (error instanceof InvalidInputError) return error.message;
      return this.refusal(error, `The outcome of "${item.name}" could not be saved`);
    }
    this.showStatus(`Saved how "${item.name}" turned out.`);
    this.render(true);
    return null;
  }

  private refusal(error: unknown, what: string): string {
    if (error instanceof InvalidInputError || error instanceof NoteParseError) return error.message;
    return `${what}: ${errorMessage(error)}`;
  }

  private showStatus(text: string, isError = false): void {
    this.statusEl.setText(text);
    this.statusEl.toggleClass("is-error", isError);
  }

  private onKey(evt: KeyboardEvent): void {
    if (evt.defaultPrevented || evt.isComposing || evt.ctrlKey || evt.metaKey || evt.altKey || isTyping(evt.target)) return;
    if (this.session.current()?.kind !== "skill") return;
    const onControl = (evt.target as HTMLElement | null)?.closest("button, a") != null;
    if (evt.key === " " && !this.revealed && !onControl) {
      evt.preventDefault();
      this.reveal();
      return;
    }
    const index = ["1", "2", "3", "4"].indexOf(evt.key);
    const grade = REVIEW_GRADES[index];
    if (grade && this.revealed) {
      evt.preventDefault();
      this.working = this.grade(grade);
    }
  }

  private render(focus: boolean, force = false): void {
    const { snapshot } = this.session;
    const open = this.session.openItems();
    if (snapshot) renderReviewSummary(this.summaryEl, snapshot.queue, snapshot.summary, open.length);
    const item = this.session.current();
    const record = item ? this.session.record(item.path) : null;
    const key =
      this.loadError ?? (item && record ? `${item.path}\n${this.revealed}\n${JSON.stringify(record.properties)}\n${record.body}` : `done:${open.length}`);
    // A decision keeps what the user is typing; other cards are redrawn only when their note changed.
    const same = key === this.renderedKey || (item?.kind === "decision" && this.renderedKey.startsWith(`${item.path}\n`));
    if (same && !force) return;
    const focusHere = focus || this.contentEl.contains(document.activeElement);
    this.renderedKey = key;
    this.bodyEl.empty();
    if (this.cardComponent) this.removeChild(this.cardComponent);
    this.cardComponent = this.addChild(new Component());
    let focusEl: { focus(): void } | null;
    if (this.loadError) {
      this.bodyEl.createDiv({ cls: "lifebetter-review-error", text: this.loadError, attr: { role: "alert" } });
      focusEl = null;
    } else if (!item) focusEl = this.renderDone();
    else if (item.kind === "skill") focusEl = this.renderSkill(item);
    else focusEl = this.renderDecision(item);
    if (focusHere) focusEl?.focus();
  }

  private renderDone(): HTMLElement {
    const done = this.bodyEl.createDiv({ cls: "lifebetter-review-done", attr: { tabindex: "0" } });
    done.createEl("h3", { text: "Nothing left to review now" });
    const skipped = this.session.skippedCount();
    const due = this.session.snapshot?.queue.items.length ?? 0;
    if (skipped > 0 && due > 0) {
      const again = done.createEl("button", { text: `Review the ${skipped} skipped` });
      again.addEventListener("click", () => {
        this.session.unskipAll();
        this.render(true, true);
      });
      return again;
    }
    done.createDiv({ cls: "lifebetter-review-muted", text: "Skills and decisions come back here on their review day." });
    return done;
  }

  private cardHeader(cardEl: HTMLElement, kind: string, item: SkillQueueItem | DecisionQueueItem, badge?: string): void {
    const meta = cardEl.createDiv({ cls: "lifebetter-review-meta" });
    meta.createSpan({ cls: "lifebetter-review-kind", text: kind });
    if (badge) meta.createSpan({ cls: "lifebetter-review-badge", text: badge });
    if (item.overdueDays > 0) meta.createSpan({ cls: "lifebetter-review-muted", text: `${inDays(item.overdueDays)} overdue` });
    const position = this.session.openItems().findIndex((open) => open.path === item.path) + 1;
    meta.createSpan({ cls: "lifebetter-review-position", text: `${position} of ${this.session.openItems().length}` });
    cardEl.createEl("h2", { cls: "lifebetter-review-name", text: item.name });
    renderWarnings(cardEl, item.warnings, item.kind === "skill" ? "Grading it writes usable values again." : "It is shown as due so that it is not missed.");
  }

  private renderNote(containerEl: HTMLElement, markdown: string, path: string): void {
    const noteEl = containerEl.createDiv({ cls: "lifebetter-review-note markdown-rendered" });
    if (this.cardComponent) void MarkdownRenderer.render(this.app, markdown, noteEl, path, this.cardComponent);
  }

  private renderSkill(item: SkillQueueItem): HTMLElement {
    const record = this.session.record(item.path);
    const card = this.session.skillCard(item.path);
    const cardEl = this.bodyEl.createDiv({
      cls: "lifebetter-review-card",
      attr: { tabindex: "0", "aria-label": `Meta-skill ${item.name}. ${this.revealed ? "Grade it with 1 to 4." : "Press space to show the note."}` },
    });
    this.cardHeader(cardEl, "Meta-skill", item, item.isNew ? "New" : undefined);
    cardEl.createDiv({ cls: "lifebetter-review-prompt", text: "When would you use this?" });
    if (!this.revealed) {
      cardEl.createDiv({ cls: "lifebetter-review-muted", text: "Recall when and how you would apply it, then show the note." });
      const show = cardEl.createDiv({ cls: "lifebetter-review-buttons" }).createEl("button", { cls: "mod-cta", text: "Show note " });
      keyHint(show, "Space");
      show.addEventListener("click", () => this.reveal());
    } else if (record && card) {
      if (card.whenToUse.trim() === "") {
        cardEl.createDiv({ cls: "lifebetter-review-muted", text: 'This note has no "When to use" yet: add it so the next review has something to recall.' });
      }
      this.renderNote(cardEl, record.body, record.path);
      this.renderGrades(cardEl, record.properties);
    }
    if (card) {
      const stats = cardEl.createDiv({ cls: "lifebetter-review-effectiveness" });
      stats.createDiv({ cls: "lifebetter-review-label", text: "Effectiveness" });
      stats.createDiv({ text: effectivenessText(card.effectiveness) });
      renderExamples(cardEl, card.examples, (path, how) => this.openNote(path, how));
    }
    this.renderActions(cardEl, item.path);
    return cardEl;
  }

  private renderGrades(cardEl: HTMLElement, properties: Record<string, unknown>): void {
    const row = cardEl.createDiv({ cls: "lifebetter-review-grades", attr: { role: "group", "aria-label": "Grade" } });
    const today = this.session.today();
    REVIEW_GRADES.forEach((grade, index) => {
      // What each answer would schedule, as Anki shows it: computed, nothing is written.
      const next = scheduleGrade(properties, grade, today, this.host.settings().scheduler);
      const button = row.createEl("button", { cls: `lifebetter-review-grade is-${grade}` });
      keyHint(button, String(index + 1));
      button.createSpan({ cls: "lifebetter-review-grade-name", text: GRADE_LABELS[grade] });
      button.createSpan({ cls: "lifebetter-review-grade-interval", text: inDays(next.intervalDays) });
      button.addEventListener("click", () => {
        this.working = this.grade(grade);
      });
    });
  }

  private renderActions(cardEl: HTMLElement, path: string): void {
    const actions = cardEl.createDiv({ cls: "lifebetter-review-actions" });
    onOpenGesture(actions.createEl("button", { text: "Open note" }), (how) => this.openNote(path, how));
    actions.createEl("button", { text: "Skip for now" }).addEventListener("click", () => {
      this.session.skip();
      this.revealed = false;
      this.render(true, true);
    });
  }

  private renderDecision(item: DecisionQueueItem): { focus(): void } {
    const record = this.session.record(item.path);
    const cardEl = this.bodyEl.createDiv({ cls: "lifebetter-review-card is-decision" });
    this.cardHeader(cardEl, "Decision", item);
    const when = record?.properties.timestamp ?? record?.properties.created;
    if (typeof when === "string") cardEl.createDiv({ cls: "lifebetter-review-muted", text: `Decided ${shortDay(when)}` });
    if (record && record.body.trim() !== "") this.renderNote(cardEl, record.body, record.path);
    if (item.expectedOutcome) {
      const expected = cardEl.createDiv({ cls: "lifebetter-review-expected" });
      expected.createDiv({ cls: "lifebetter-review-label", text: "You expected" });
      expected.createDiv({ text: item.expectedOutcome });
    }
    const form = renderDecisionForm(cardEl, {
      item,
      submit: (answer) => {
        const saving = this.answer(item, answer);
        this.working = saving;
        return saving;
      },
    });
    this.renderActions(cardEl, item.path);
    return form;
  }

  private openNote(path: string, how: OpenHow): void {
    void openNote(this.app, path, how);
  }
}
