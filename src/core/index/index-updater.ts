import type { Timers } from "./timers";
import type { NoteIndex } from "./note-index";
import type { NoteSource } from "./index-types";

/** Vault events are gathered this long before the index reads the notes (Obsidian saves every ~2 s while typing). */
export const DEFAULT_DEBOUNCE_MS = 500;

/**
 * Applies vault events to the index, debounced and one at a time. Events only mark paths dirty;
 * a dirty note is read when its turn comes, so it is indexed as it is then (or removed if gone).
 * A rename is a delete plus a create: the vectors come back from the reuse pool, nothing is embedded.
 * Every task (the start-up sync, event flushes, taking each batch of embeddings) runs on one chain,
 * so they never interleave; a long first embedding runs batch by batch, so edits are indexed between
 * batches (a batch's vectors are stored at once when computed, only for texts their note still wants).
 */
export class IndexUpdater {
  private readonly dirty = new Set<string>();
  private timer: unknown = null;
  private chain: Promise<void> = Promise.resolve();
  private failures: unknown[] = [];

  constructor(
    private readonly index: NoteIndex,
    private readonly source: NoteSource,
    private readonly timers: Timers,
    private readonly debounceMs = DEFAULT_DEBOUNCE_MS,
    /** Told after notes were re-read, so their new texts get embedded (MemoryIndex's embedding loop). */
    private readonly afterFlush: () => void = () => undefined,
  ) {}

  created(path: string): void {
    this.mark(path);
  }

  modified(path: string): void {
    this.mark(path);
  }

  deleted(path: string): void {
    this.mark(path);
  }

  renamed(from: string, to: string): void {
    this.mark(from);
    this.mark(to);
  }

  /** Runs a task after everything queued before it. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.chain.then(task);
    this.chain = next.then(
      () => undefined,
      (error: unknown) => void this.failures.push(error),
    );
    return next;
  }

  /** Resolves once every event so far is in the index (skips the debounce wait). */
  async idle(): Promise<void> {
    if (this.timer) {
      this.timers.clearTimeout(this.timer);
      this.timer = null;
    }
    do {
      await this.run(() => this.flush());
    } while (this.dirty.size > 0);
    const failures = this.failures;
    this.failures = [];
    if (failures.length > 0) throw failures[0];
  }

  dispose(): void {
    if (this.timer) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private mark(path: string): void {
    this.dirty.add(path);
    if (this.timer) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.run(() => this.flush());
    }, this.debounceMs);
  }

  private async flush(): Promise<void> {
    while (this.dirty.size > 0) {
      const paths = [...this.dirty];
      this.dirty.clear();
      for (const path of paths) {
        if (!this.index.admits(path)) {
          this.index.remove(path);
          continue;
        }
        await this.index.refresh(this.source, path);
      }
    }
    this.afterFlush();
  }
}
