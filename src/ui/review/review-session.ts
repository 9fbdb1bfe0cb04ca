import { reviewDecision, type DecisionAnswer } from "../../core/review/decision-review";
import { dayOf, type Day } from "../../core/review/days";
import { gradeSkill } from "../../core/review/grade-skill";
import type { ReviewGrade } from "../../core/review/grades";
import { loadReview, type ReviewSnapshot } from "../../core/review/load-review";
import type { ReviewQueueItem } from "../../core/review/queue";
import type { GradeOutcome } from "../../core/review/schedule";
import { skillCard, type SkillCard } from "../../core/review/skill-card";
import type { LifeBetterSettings } from "../../core/settings";
import type { VaultRecord } from "../../core/vault/records";
import type { NoteRepository } from "../../core/vault/repository";

/**
 * A review sitting, without the DOM: which item is shown, what was skipped, and the writes. The
 * queue itself always comes fresh from the notes (core loadReview), so a grade, a sync or an edit
 * by hand all show up the same way: reload, then keep the item in front of the user if it is
 * still due.
 */
export class ReviewSession {
  snapshot: ReviewSnapshot | null = null;
  /** The item on screen, by path; kept across reloads while it is still due. */
  private currentPath: string | null = null;
  /** Put off until the next sitting (the view is reopened); they stay due in the notes. */
  private readonly skipped = new Set<string>();
  private records = new Map<string, VaultRecord>();

  constructor(
    private readonly repo: NoteRepository,
    private readonly settings: () => LifeBetterSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  today(): Day {
    return dayOf(this.now());
  }

  /** Rebuilds the queue from the notes; resolves to whether the item on screen changed. */
  async reload(): Promise<boolean> {
    const snapshot = await loadReview(this.repo, this.settings(), this.today());
    this.snapshot = snapshot;
    this.records = new Map(snapshot.records.map((record) => [record.path, record]));
    const before = this.currentPath;
    const open = this.openItems();
    if (!open.some((item) => item.path === before)) this.currentPath = open[0]?.path ?? null;
    return this.currentPath !== before;
  }

  /** Due items not skipped, in review order. */
  openItems(): ReviewQueueItem[] {
    return (this.snapshot?.queue.items ?? []).filter((item) => !this.skipped.has(item.path));
  }

  current(): ReviewQueueItem | null {
    return this.openItems().find((item) => item.path === this.currentPath) ?? null;
  }

  record(path: string): VaultRecord | null {
    return this.records.get(path) ?? null;
  }

  /** What the card shows besides the note: effectiveness and recent uses (derived from links). */
  skillCard(path: string): SkillCard | null {
    const record = this.record(path);
    return record && this.snapshot ? skillCard(record, this.snapshot.backlinks()) : null;
  }

  skippedCount(): number {
    return this.skipped.size;
  }

  skip(): void {
    if (this.currentPath === null) return;
    this.skipped.add(this.currentPath);
    this.currentPath = this.openItems()[0]?.path ?? null;
  }

  /** Brings skipped items back into this sitting. */
  unskipAll(): void {
    this.skipped.clear();
    this.currentPath = this.openItems()[0]?.path ?? null;
  }

  async grade(grade: ReviewGrade): Promise<GradeOutcome> {
    const item = this.current();
    if (item?.kind !== "skill") throw new Error("No meta-skill is being reviewed.");
    const outcome = await gradeSkill(this.repo, item.path, grade, this.settings().scheduler, { now: this.now(), today: this.today() });
    this.currentPath = null;
    await this.reload();
    return outcome;
  }

  async answer(answer: DecisionAnswer): Promise<void> {
    const item = this.current();
    if (item?.kind !== "decision") throw new Error("No decision is being reviewed.");
    await reviewDecision(this.repo, item.path, answer, { now: this.now(), today: this.today() });
    this.currentPath = null;
    await this.reload();
  }
}
