import { detectClusters, type NoteCluster } from "./clusters";
import type { EmbedderStatus } from "./embedder-status";
import type { IndexStatus, NoteSource, SearchResult } from "./index-types";
import { IndexUpdater, DEFAULT_DEBOUNCE_MS } from "./index-updater";
import type { StartExtractor } from "./note-extractor";
import { NoteIndex } from "./note-index";
import { yieldToEventLoop, type Timers } from "./timers";
import { restoreIndex, serializeIndex, type IndexStorage } from "./persistence";
import { findSimilar, searchByMeaning, type SearchOptions, type SimilarOptions } from "./queries";
import { problemMeaning } from "./problem-meaning";
import { findSimilarProblems, suggestMetaSkills } from "./skill-and-problem-queries";

export interface MemoryIndexOptions {
  source: NoteSource;
  embedder: EmbedderStatus;
  timers: Timers;
  storage?: IndexStorage;
  excludedFolders?: readonly string[];
  debounceMs?: number;
  /** Extraction workers for a large sync (NoteIndexOptions.startExtractor). */
  startExtractor?: StartExtractor;
}

/** How the embedding of pending notes goes, for the status bar. */
export interface EmbedProgress {
  /** Texts embedded since this run of embeddings began. */
  done: number;
  /** done + what is still pending (about: a note's texts are counted before they are embedded). */
  total: number;
  /** Texts per second so far in this run. */
  ratePerSecond: number;
  /** At that rate; null before the first batch. */
  secondsLeft: number | null;
  paused: boolean;
}

export interface OpenReport {
  /** The saved index was used (only changed notes were read). */
  restored: boolean;
  /** Why a saved index was not used, when there was one. */
  restoreProblem?: string;
  restoreMs: number;
  syncMs: number;
  /** Worker threads that parsed notes for this sync (absent: all in the index's own thread). */
  extractWorkers?: number;
}

/**
 * The memory of the vault, as the plugin's worker and the CLI use it: restore the saved index, bring
 * it up to date with the notes, follow vault events, answer queries, save for the next start.
 */
export class MemoryIndex {
  readonly index: NoteIndex;
  private readonly updater: IndexUpdater;
  /** The embedding loop while it runs. */
  private embedding: Promise<void> | null = null;
  private paused = false;
  private resumed: (() => void) | null = null;
  private disposed = false;
  private onEmbedProgress: ((progress: EmbedProgress) => void) | undefined;

  constructor(private readonly options: MemoryIndexOptions) {
    this.index = new NoteIndex({
      embedder: options.embedder,
      timers: options.timers,
      excludedFolders: options.excludedFolders,
      ...(options.startExtractor ? { startExtractor: options.startExtractor } : {}),
    });
    this.updater = new IndexUpdater(this.index, options.source, options.timers, options.debounceMs ?? DEFAULT_DEBOUNCE_MS, () => void this.embedAll());
  }

  /**
   * Restores the saved index if it checks out, then indexes what changed since: full text at once
   * (`onProgress` counts the notes read), then the vectors batch by batch (`onEmbed`), most useful
   * notes first. Resolves once both are done; searches work on full text meanwhile.
   */
  async open(onProgress?: (done: number, total: number) => void, onEmbed?: (progress: EmbedProgress) => void): Promise<OpenReport> {
    this.onEmbedProgress = onEmbed;
    const started = Date.now();
    let restored = false;
    let restoreProblem: string | undefined;
    const bytes = await this.options.storage?.read().catch(() => null);
    if (bytes) {
      const problem = await restoreIndex(this.index, bytes);
      if (problem) restoreProblem = problem;
      else restored = true;
    }
    const restoreMs = Date.now() - started;
    let extractWorkers = 0;
    await this.updater.run(async () => {
      ({ extractWorkers } = await this.index.sync(this.options.source, onProgress));
      this.index.fullText.compact();
    });
    await this.embedAll();
    return {
      restored,
      ...(restoreProblem ? { restoreProblem } : {}),
      restoreMs,
      syncMs: Date.now() - started - restoreMs,
      ...(extractWorkers > 0 ? { extractWorkers } : {}),
    };
  }

  created(path: string): void {
    this.updater.created(path);
  }
  modified(path: string): void {
    this.updater.modified(path);
  }
  deleted(path: string): void {
    this.updater.deleted(path);
  }
  renamed(from: string, to: string): void {
    this.updater.renamed(from, to);
  }

  /** Resolves when every vault event so far is indexed, vectors included. */
  async idle(): Promise<void> {
    do {
      await this.updater.idle();
      await this.embedding;
    } while (this.embedding !== null || this.index.pendingWork().notes > 0);
  }

  /** Embeds these notes next (the note open in the editor). */
  prioritize(paths: readonly string[]): void {
    this.index.prioritize(paths);
  }

  /** Holds the embedding after the batch under way (full text and queries go on); resume() goes on. */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.resumed?.();
    this.resumed = null;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Runs the embedding loop unless it is running; resolves when nothing is left to embed. */
  private embedAll(): Promise<void> {
    if (this.disposed || this.index.pendingWork().notes === 0) return this.embedding ?? Promise.resolve();
    this.embedding ??= this.embedLoop().finally(() => (this.embedding = null));
    return this.embedding;
  }

  /**
   * Takes one batch per task on the updater's chain, so vault events are indexed between batches.
   * Workers (a pool, or one) get the next batch while one is computing (at most two under way), so
   * they never wait for the index between batches; a pause lets the batches under way finish.
   */
  private async embedLoop(): Promise<void> {
    const started = Date.now();
    let done = 0;
    const report = (): void => {
      const left = this.index.pendingWork().texts;
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      this.onEmbedProgress?.({ done, total: done + left, ratePerSecond: rate, secondsLeft: rate > 0 ? left / rate : null, paused: this.paused });
    };
    const underWay: Promise<number>[] = [];
    const finishOne = async (): Promise<void> => {
      done += await (underWay.shift() as Promise<number>);
      report();
      await yieldToEventLoop(this.options.timers);
    };
    report();
    while (!this.disposed) {
      if (this.paused) {
        while (underWay.length > 0) await finishOne();
        report();
        await new Promise<void>((resolve) => (this.resumed = resolve));
        continue;
      }
      // Workers elsewhere (a pool, even of one) get the next batch while one computes.
      const ahead = this.index.embedder?.elsewhere ? 2 : 1;
      // Wrapped, so the chain hands back the batch under way instead of waiting for it.
      const next = await this.updater.run(() => Promise.resolve({ batch: this.index.startNextBatch() }));
      if (next.batch) {
        next.batch.catch(() => undefined); // awaited below, in order; until then not unhandled
        underWay.push(next.batch);
      }
      if (underWay.length === 0) break;
      if (!next.batch || underWay.length >= ahead) await finishOne();
    }
  }

  /**
   * Writes the index for the next start (after pending events are in). Returns why it could not,
   * instead of throwing: an unsaved index only costs a rebuild at the next start. (Orama's state is
   * one JSON string, which nears V8's string limit around 60k notes.)
   */
  async save(): Promise<string | null> {
    const storage = this.options.storage;
    if (!storage) return null;
    let problem: string | null = null;
    await this.updater.run(async () => {
      try {
        await storage.writeAtomic(await serializeIndex(this.index));
      } catch (error) {
        problem = `the index could not be saved (${error instanceof Error ? error.message : String(error)}); it will be rebuilt at the next start`;
      }
    });
    return problem;
  }

  searchByMeaning(query: string, options?: SearchOptions): Promise<SearchResult[]> {
    return searchByMeaning(this.index, query, options);
  }
  findSimilar(note: string, options?: SimilarOptions): Promise<SearchResult[]> {
    return findSimilar(this.index, note, options);
  }
  suggestMetaSkills(text: string, limit?: number, hidePrivate?: boolean): Promise<SearchResult[]> {
    return suggestMetaSkills(this.index, text, limit, hidePrivate);
  }
  findSimilarProblems(problem: string, limit?: number, hidePrivate?: boolean): Promise<SearchResult[]> {
    return findSimilarProblems(this.index, problem, limit, hidePrivate);
  }
  /** The cosine of a text to every problem note, by path; null without a model or while a problem is being embedded. */
  problemMeaning(text: string): Promise<Record<string, number> | null> {
    return problemMeaning(this.index, text);
  }
  detectClusters(ids: string[], k: number): NoteCluster[] {
    return detectClusters(this.index, ids, k);
  }
  status(): IndexStatus {
    return this.index.status();
  }
  /** The note vector of each of `paths` that has one (none without a model, or before it is embedded). */
  noteVectors(paths: readonly string[]): Record<string, number[]> {
    const vectors: Record<string, number[]> = {};
    for (const path of paths) {
      const note = this.index.notes.get(path);
      const vector = note ? this.index.noteVectors?.entriesOf(note.no)[0]?.vector : undefined;
      if (vector) vectors[path] = Array.from(vector);
    }
    return vectors;
  }

  dispose(): void {
    this.disposed = true;
    this.resume();
    this.updater.dispose();
  }
}
