import { reviewDecision, type DecisionAnswer } from "./decision-review";
import { dayOf, type Day } from "../dates/days";
import { gradeSkill } from "./grade-skill";
import type { ReviewGrade } from "./grades";
import { reviewSnapshot, type ReviewSnapshot } from "./load-review";
import type { ReviewQueueItem } from "./queue";
import type { GradeOutcome } from "./schedule";
import { skillCard, type SkillCard } from "../skills/skill-card";
import type { LifeBetterSettings } from "../settings";
import { isInFolders, isMarkdown } from "../vault/paths";
import { loadRecords, recordFromText, type VaultRecord } from "../vault/records";
import type { NoteRepository } from "../vault/repository";

/**
 * A review sitting, without the DOM: which item is shown, what was skipped, and the writes. The
 * queue always comes from the notes (core reviewSnapshot), so a grade, a sync or an edit by hand
 * all show up the same way: re-read what changed, then keep the item in front of the user if it is
 * still due. Only the notes that changed are read again; a new, deleted or renamed note reads all.
 */
export class ReviewSession {
  snapshot: ReviewSnapshot | null = null;
  /** The item on screen, by path; kept across reloads while it is still due. */
  private currentPath: string | null = null;
  /** Put off until the next sitting (the view is reopened); they stay due in the notes. */
  private readonly skipped = new Set<string>();
  private records = new Map<string, VaultRecord>();
  /** Every Markdown path at the last full read: link resolution depends on them. */
  private knownPaths = new Set<string>();

  constructor(
    private readonly repo: NoteRepository,
    private readonly settings: () => LifeBetterSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  today(): Day {
    return dayOf(this.now());
  }

  /** Reads every record again; resolves to whether the item on screen changed. */
  async reload(): Promise<boolean> {
    const vault = await loadRecords(this.repo, this.settings());
    this.knownPaths = new Set((await this.repo.listFiles()).map((file) => file.path).filter(isMarkdown));
    return this.show(reviewSnapshot(vault, this.settings(), this.today()));
  }

  /**
   * Re-reads only these notes and rebuilds the queue from the records in memory; a full reload when
   * the set of notes changed (links may resolve elsewhere) or nothing was loaded yet.
   */
  async update(paths: readonly string[]): Promise<boolean> {
    const previous = this.snapshot;
    if (!previous || paths.some((path) => !this.knownPaths.has(path))) return this.reload();
    const settings = this.settings();
    let linksChanged = false;
    for (const path of paths) {
      const text = isInFolders(path, settings.excludedFolders) ? null : await this.repo.read(path).catch(() => null);
      // Just written: its modification time is now (only records without a date of their own use it).
      const next = text === null ? null : recordFromText(path, text, this.now().getTime());
      const before = this.records.get(path);
      if (before?.kind === "entry" || before?.kind === "problem" || next?.kind === "entry" || next?.kind === "problem") linksChanged = true;
      if (next) this.records.set(path, next);
      else this.records.delete(path);
    }
    const records = [...this.records.values()].sort((a, b) => a.path.localeCompare(b.path));
    const vault = { records, resolver: previous.resolver };
    return this.show(reviewSnapshot(vault, settings, this.today(), linksChanged ? undefined : previous.backlinks));
  }

  private show(snapshot: ReviewSnapshot): boolean {
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
    await this.update([item.path]);
    return outcome;
  }

  async answer(answer: DecisionAnswer): Promise<void> {
    const item = this.current();
    if (item?.kind !== "decision") throw new Error("No decision is being reviewed.");
    await reviewDecision(this.repo, item.path, answer, { now: this.now(), today: this.today() });
    this.currentPath = null;
    await this.update([item.path]);
  }
}
