import type { IndexClient } from "../../core/index/index-client";
import type { NoteSource } from "../../core/index/index-types";
import type { OpenReport } from "../../core/index/memory-index";
import type { IndexStorage } from "../../core/index/persistence";
import type { WorkerConfig } from "../../core/index/worker-protocol";
import { embeddingText, fullTextOnlyText, indexingText, readyText } from "../../core/index/status-text";
import type { ProgressNotice } from "../../core/index/worker-protocol";
import { IdleGate } from "../../core/index/idle-gate";

/** Starts the index worker: createIndexWorker in the plugin, an in-process host in tests. */
export type StartIndexWorker = (
  source: NoteSource,
  storage: IndexStorage,
  onProgress: (done: number, total: number, embedding?: ProgressNotice["embedding"]) => void,
) => { client: IndexClient; stop: () => void };

export interface IndexHostOptions {
  startWorker: StartIndexWorker;
  source: NoteSource;
  storage: IndexStorage;
  /** Shows one line of status (the status bar item). */
  showStatus: (text: string) => void;
  /** The longest the final save may take before the worker is stopped anyway. */
  saveTimeoutMs?: number;
  /** Told once full text is built and vectors are being computed: searches work from then on. */
  onSearchable?: () => void;
  /**
   * "Only while idle": how long the user must be quiet before meaning goes on, read at each
   * activity (the setting may change); null when the setting is off.
   */
  idleQuietMs?: () => number | null;
}

const DEFAULT_SAVE_TIMEOUT_MS = 10_000;

function isMarkdown(path: string): boolean {
  return path.toLowerCase().endsWith(".md");
}

/**
 * Owns the index worker for the plugin: starts it, opens the index, forwards the vault's events,
 * keeps the status line current, and at the end saves (bounded) and stops it.
 */
export class IndexHost {
  private worker: { client: IndexClient; stop: () => void } | null = null;
  private stopped = false;
  /** Vault events were forwarded since the last save. */
  private changed = false;
  /** Why semantic search is off, when it is; shown instead of the note count. */
  private fullTextReason: string | null = null;
  /** When the index was last saved by this host (ms since the epoch), or null. */
  lastSaved: number | null = null;
  /** The saved index was restored at open, so nothing needed a first build. */
  restored = false;
  /** Whether the embedding is paused (pause()), and whether any is under way. */
  paused = false;
  embedding = false;
  /** Holds meaning while the user is active, with "only while idle". */
  private readonly idleGate = new IdleGate({
    quietMs: () => this.options.idleQuietMs?.() ?? 0,
    timers: { setTimeout: (callback, ms) => window.setTimeout(callback, ms), clearTimeout: (handle) => window.clearTimeout(handle as number) },
    hold: () => void this.client?.pauseEmbedding().catch(() => undefined),
    release: () => {
      if (!this.paused) void this.client?.resumeEmbedding().catch(() => undefined);
    },
  });
  /** The last progress of computing meaning, to say at once that it waits for the user. */
  private lastEmbedding: { done: number; total: number } | null = null;

  constructor(private readonly options: IndexHostOptions) {}

  /** Meaning is held until the user has been quiet a while ("only while idle"). */
  get waitingForIdle(): boolean {
    return this.idleGate.holding;
  }

  /**
   * The user typed, clicked or edited. With "only while idle" on and the first index computing
   * meaning, it waits until they have been quiet for the set time; a pause by hand wins.
   */
  userActive(): void {
    const quietMs = this.options.idleQuietMs?.() ?? null;
    if (quietMs === null || this.stopped || this.paused || (!this.embedding && !this.idleGate.holding)) return;
    const wasHolding = this.idleGate.holding;
    this.idleGate.activity();
    const last = this.lastEmbedding;
    if (!wasHolding && last) this.options.showStatus(embeddingText(last.done, last.total, 0, null, "idle"));
  }

  /** The client the views call; null before open() and after stop(). */
  get client(): IndexClient | null {
    return this.worker?.client ?? null;
  }

  /**
   * Starts the worker and indexes the vault. `fullTextReason` says why no model is given (a failed
   * download, semantic search turned off). Resolves once the first index is built and saved, to
   * how it went (null when stopped or already open).
   */
  async open(config: WorkerConfig, fullTextReason: string | null = null): Promise<OpenReport | null> {
    if (this.stopped || this.worker) return null;
    this.fullTextReason = fullTextReason;
    this.worker = this.options.startWorker(this.options.source, this.options.storage, (done, total, embedding) => {
      if (this.stopped) return;
      if (!embedding) return this.options.showStatus(indexingText(done, total));
      if (!this.embedding) this.options.onSearchable?.();
      this.embedding = true;
      this.lastEmbedding = { done, total };
      const paused = embedding.paused && this.idleGate.holding && !this.paused ? "idle" : embedding.paused;
      this.options.showStatus(embeddingText(done, total, embedding.ratePerSecond, embedding.secondsLeft, paused));
    });
    const client = this.worker.client;
    const report = await client.open(config);
    if (this.stopped) return null;
    this.embedding = false;
    this.restored = report.restored;
    await this.refreshStatus();
    // A first build of a large vault is long: keep it even if Obsidian is closed without unloading.
    if (!report.restored) await this.saved(client.save());
    return report;
  }

  /** Says, from now on, why this index has no model (a download that failed after it opened). */
  async noModelBecause(reason: string): Promise<void> {
    this.fullTextReason = reason;
    await this.refreshStatus();
  }

  /** Puts the note count (or why it is full text only) in the status line. */
  async refreshStatus(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const status = await client.status();
    if (this.stopped) return;
    const reason = this.fullTextReason ?? (status.embeddings.state === "unavailable" ? status.embeddings.reason : null);
    this.options.showStatus(reason === null ? readyText(status.notes) : fullTextOnlyText(reason));
  }

  /**
   * Saves when notes changed since the last save, so a crash or a quit without unload costs
   * little at the next start. Resolves to why it could not, or null.
   */
  async saveIfChanged(): Promise<string | null> {
    const client = this.client;
    if (!client || !this.changed) return null;
    this.changed = false;
    return this.saved(client.save());
  }

  /** Notes the time of a save that worked; resolves to why it did not, or null. */
  private async saved(saving: Promise<string | null>): Promise<string | null> {
    const problem = await saving;
    if (problem === null) this.lastSaved = Date.now();
    return problem;
  }

  /** Holds the embedding after the batch under way; searches and full text go on. */
  async pause(): Promise<void> {
    this.paused = true;
    // Paused by hand: quiet time no longer resumes it.
    this.idleGate.cancel();
    await this.client?.pauseEmbedding();
  }

  async resume(): Promise<void> {
    this.idleGate.cancel();
    await this.client?.resumeEmbedding();
    this.paused = false;
  }

  /** Embeds this note next, when it is still waiting (the note just opened). */
  prioritize(path: string): void {
    if (this.embedding && isMarkdown(path)) void this.client?.prioritize([path]).catch(() => undefined);
  }

  created(path: string): void {
    if (isMarkdown(path)) this.send((client) => client.created(path));
  }
  modified(path: string): void {
    if (isMarkdown(path)) this.send((client) => client.modified(path));
  }
  deleted(path: string): void {
    if (isMarkdown(path)) this.send((client) => client.deleted(path));
  }
  /** A rename that changes the extension turns a note into an attachment, or back. */
  renamed(from: string, to: string): void {
    if (isMarkdown(from) && isMarkdown(to)) this.send((client) => client.renamed(from, to));
    else if (isMarkdown(to)) this.send((client) => client.created(to));
    else if (isMarkdown(from)) this.send((client) => client.deleted(from));
  }

  private send(event: (client: IndexClient) => void): void {
    const client = this.client;
    if (!client) return;
    event(client);
    this.changed = true;
  }

  /**
   * Saves the index, waiting at most saveTimeoutMs, then stops the worker. Resolves to why the
   * index was not saved, or null. After this nothing of the index is left running.
   */
  async stop(): Promise<string | null> {
    if (this.stopped) return null;
    this.stopped = true;
    this.idleGate.cancel();
    const worker = this.worker;
    this.worker = null;
    if (!worker) return null;
    let timer: number | undefined;
    const timeout = new Promise<string>((resolve) => {
      timer = window.setTimeout(
        () => resolve("the index took too long to save; it will catch up at the next start"),
        this.options.saveTimeoutMs ?? DEFAULT_SAVE_TIMEOUT_MS,
      );
    });
    try {
      return await Promise.race([worker.client.save().catch((error: unknown) => `the index could not be saved (${String(error)})`), timeout]);
    } finally {
      window.clearTimeout(timer);
      worker.stop();
    }
  }
}
