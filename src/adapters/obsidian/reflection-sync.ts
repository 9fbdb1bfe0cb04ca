import type { CachedMetadata } from "obsidian";
import { parseNote } from "../../core/codec/frontmatter";
import { errorMessage } from "../../core/errors";
import { planAnswerSync, type AnswerLists, type AnswerSyncPlan } from "../../core/reflection/answers";
import { syncAnswers } from "../../core/reflection/open-reflection";
import type { LifeBetterSettings } from "../../core/settings";
import type { NoteRepository } from "../../core/vault/repository";

/** Edits come in bursts (typing, the Properties panel saving each keystroke): sync once they pause. */
export const REFLECTION_SYNC_MS = 1000;

export interface ReflectionSyncOptions {
  repo: NoteRepository;
  settings: () => LifeBetterSettings;
  /** After a sync that changed something (the panel refreshes, a failure is told). */
  synced?: (path: string, plan: AnswerSyncPlan) => void;
  failed?: (path: string, message: string) => void;
}

function changes(plan: AnswerSyncPlan): boolean {
  return Object.keys(plan.properties).length > 0 || plan.prompts.some((outcome) => outcome.addedToBody.length > 0 || outcome.removedFromBody.length > 0);
}

/**
 * Keeps answers and list properties of reflection notes in step while the user edits them. It
 * remembers what both sides held after the last sync of each note (the base of a three-way merge),
 * so a removal in the note or in the Properties panel wins. Its own writes come back as "changed"
 * events; they find both sides in step and write nothing, which ends the loop; syncs of one note
 * never overlap.
 */
export class ReflectionSync {
  private readonly bases = new Map<string, AnswerLists>();
  private readonly timers = new Map<string, number>();
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly options: ReflectionSyncOptions) {}

  /** What both sides held after the last sync of a note, if it was seen. */
  base(path: string): AnswerLists | undefined {
    return this.bases.get(path);
  }

  remember(path: string, lists: AnswerLists): void {
    this.bases.set(path, lists);
  }

  /**
   * A reflection was opened: a note in step becomes the base for what the user does next; one that is
   * not (edited elsewhere) is synced, losing nothing. Both get their links brought up to date.
   */
  async track(path: string): Promise<void> {
    const text = await this.options.repo.read(path).catch(() => null);
    const parsed = text === null ? null : parseNote(text);
    if (!parsed?.ok || parsed.properties.kind !== "reflection") return;
    const plan = planAnswerSync(parsed.parts.body, parsed.properties, this.options.settings().reflectionPrompts, this.bases.get(path));
    if (!changes(plan)) this.bases.set(path, plan.synced);
    // Synced now either way: its problems and skills may have changed since (a session, a new skill); a note in step is not written.
    this.schedule(path, 0);
  }

  /** metadataCache "changed": a reflection's properties or body changed (by the user or by us). */
  changed(path: string, cache: CachedMetadata | null): void {
    if (cache?.frontmatter?.kind !== "reflection") return;
    this.schedule(path, REFLECTION_SYNC_MS);
  }

  renamed(oldPath: string, path: string): void {
    const base = this.bases.get(oldPath);
    this.forget(oldPath);
    if (base) this.bases.set(path, base);
  }

  forget(path: string): void {
    this.bases.delete(path);
    const timer = this.timers.get(path);
    if (timer !== undefined) window.clearTimeout(timer);
    this.timers.delete(path);
  }

  /** Settles when every scheduled and running sync is done (tests, unload). */
  async idle(): Promise<void> {
    while (this.timers.size > 0 || this.queues.size > 0) {
      for (const path of [...this.timers.keys()]) this.flush(path);
      await Promise.all([...this.queues.values()]);
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) window.clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(path: string, delay: number): void {
    const timer = this.timers.get(path);
    if (timer !== undefined) window.clearTimeout(timer);
    this.timers.set(
      path,
      window.setTimeout(() => this.flush(path), delay),
    );
  }

  private flush(path: string): void {
    const timer = this.timers.get(path);
    if (timer !== undefined) window.clearTimeout(timer);
    this.timers.delete(path);
    const previous = this.queues.get(path) ?? Promise.resolve();
    const next = previous.then(() => this.run(path));
    this.queues.set(path, next);
    void next.finally(() => {
      if (this.queues.get(path) === next) this.queues.delete(path);
    });
  }

  private async run(path: string): Promise<void> {
    try {
      const plan = await syncAnswers(this.options.repo, path, this.options.settings(), new Date(), this.bases.get(path));
      this.bases.set(path, plan.synced);
      if (changes(plan)) this.options.synced?.(path, plan);
    } catch (error) {
      // A note that cannot be parsed is left alone; the user is told once per failure.
      this.options.failed?.(path, errorMessage(error));
    }
  }
}
