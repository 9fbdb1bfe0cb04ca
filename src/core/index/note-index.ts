import type { Embedder } from "../embed/embedder";
import { parseNote } from "../codec/frontmatter";
import { MAX_INDEXED_NOTE_BYTES } from "../limits";
import { isInFolders, isMarkdown } from "../vault/paths";
import type { VaultFile } from "../vault/repository";
import { FullTextIndex } from "./fulltext-index";
import type { EmbedderStatus } from "./embedder-status";
import type { EmbeddingState, IndexStatus, NoteSource } from "./index-types";
import { inlineExtractor, type BatchExtractOptions, type ExtractJob, type NoteExtractor, type StartExtractor } from "./note-extractor";
import { DEFAULT_MAX_TOKENS, extractNote, type EmbedText, type ExtractedNote, type NoteRecord } from "./note-record";
import { StringPool } from "./own-string";
import { ReusePool } from "./reuse-pool";
import { yieldToEventLoop, type Timers } from "./timers";
import { VectorStore } from "./vector-store";

/** One indexed note: what searches read, what it wants embedded, and the file state it came from. */
export interface IndexedNote {
  no: number;
  record: NoteRecord;
  embedTexts: EmbedText[];
  mtime: number;
  size: number;
}

type NoteRead = Awaited<ReturnType<NoteSource["readNote"]>>;

/**
 * Notes read ahead of the one being indexed during a sync: at most this many, and at most
 * READ_AHEAD_BYTES of them by their listed size (the next note is read whatever its size), so a
 * run of large notes is not all held at once.
 */
const READ_AHEAD = 16;
export const READ_AHEAD_BYTES = 4 * 1024 * 1024;

/** Notes to read from which a sync extracts them in other threads (starting workers costs more below). */
export const PARALLEL_EXTRACT_FROM = 256;
/** A batch sent to the extractors: this many notes, or fewer that add up to EXTRACT_BATCH_BYTES. */
const EXTRACT_BATCH = 32;
const EXTRACT_BATCH_BYTES = 1024 * 1024;
/**
 * Extraction workers up to which this thread reads each note's frontmatter itself (as Obsidian's
 * metadataCache hands the plugin) and the workers parse only bodies. With one worker the worker is
 * a first index's slowest part (13,415 notes on 2 cores: it parsed 10 s while this thread read and
 * inserted 7 s, YAML 1.6 s of the worker's share), and taking the YAML here took the build from
 * 11.8–12.1 s to 9.9–10.5 s; with more workers the parsing is shared and this thread is the slower.
 */
const HOST_FRONTMATTER_UP_TO_WORKERS = 1;

/** A note's properties when its frontmatter parses (else the extractor reads it and says why not). */
function parsedProperties(text: string): Record<string, unknown> | undefined {
  const parsed = parseNote(text);
  return parsed.ok ? parsed.properties : undefined;
}

export interface NoteIndexOptions {
  embedder: EmbedderStatus;
  timers: Timers;
  excludedFolders?: readonly string[];
  /** Texts per model call. */
  embedBatch?: number;
  /** Extraction workers for a large sync (a first index); without it, notes are extracted in this thread. */
  startExtractor?: StartExtractor;
}

/**
 * The hybrid index of a vault: note records, Orama full text, and two vector stores (one vector per
 * note for "similar notes", one per heading chunk of long notes for "search by meaning").
 * Full text is updated at once; vectors follow in batches (`startNextBatch`), so search works while
 * the model is slow or missing.
 */
export class NoteIndex {
  readonly notes = new Map<string, IndexedNote>();
  readonly byNo = new Map<number, IndexedNote>();
  readonly skipped = new Map<string, string>();
  fullText = new FullTextIndex();
  noteVectors: VectorStore | null;
  chunkVectors: VectorStore | null;
  embedded = 0;
  reused = 0;
  private nextNo = 1;
  private readonly pending = new Set<string>();
  /** Pending notes to embed before all others (the note open in the editor). */
  private readonly urgent = new Set<string>();
  /** `pending` in the order it is embedded; rebuilt when `pending` gained notes since. */
  private order: string[] = [];
  private orderAt = 0;
  private orderStale = false;
  private readonly pool = new ReusePool();
  /** Texts a batch under way is computing, by hash: a later batch that needs one waits for it. */
  private readonly computing = new Map<string, Promise<Float32Array | undefined>>();
  /** Link targets, tags and terms shared by many records, kept once. */
  private readonly names = new StringPool();
  private readonly excluded: readonly string[];

  constructor(private readonly options: NoteIndexOptions) {
    this.excluded = options.excludedFolders ?? [];
    const dims = this.embedder?.dimensions;
    this.noteVectors = dims ? new VectorStore(dims) : null;
    this.chunkVectors = dims ? new VectorStore(dims) : null;
  }

  get embedder(): Embedder | null {
    return "embedder" in this.options.embedder ? this.options.embedder.embedder : null;
  }

  /** Whether a vault path belongs in the index at all (Markdown, not in an excluded folder). */
  admits(path: string): boolean {
    return isMarkdown(path) && !isInFolders(path, this.excluded);
  }

  /** Whether a read note would be indexed: Markdown, not excluded, not over the size limit. */
  private indexes(file: VaultFile): boolean {
    return this.admits(file.path) && file.size <= MAX_INDEXED_NOTE_BYTES;
  }

  private tooLarge(file: VaultFile): boolean {
    if (file.size <= MAX_INDEXED_NOTE_BYTES) return false;
    this.remove(file.path);
    this.skipped.set(file.path, `larger than ${MAX_INDEXED_NOTE_BYTES} bytes, so it is not indexed`);
    return true;
  }

  /**
   * Adds or replaces a note from its text (and its frontmatter, when the host already parsed it).
   * Vectors whose text did not change are kept.
   */
  apply(file: VaultFile, text: string, properties?: Record<string, unknown>): void {
    if (!this.admitFile(file)) return;
    this.store(file, extractNote(file, text, { ...this.extractOptions(), ...(properties ? { properties } : {}) }));
  }

  /** Whether a read note is indexed (a note over the limit is listed as skipped instead). */
  private admitFile(file: VaultFile): boolean {
    if (!this.admits(file.path) || this.tooLarge(file)) return false;
    this.skipped.delete(file.path);
    return true;
  }

  /** Without a model nothing is embedded: no passages to cut, no texts to hold. */
  private extractOptions(): BatchExtractOptions {
    return { maxTokens: this.embedder?.maxTokens ?? DEFAULT_MAX_TOKENS, embed: this.noteVectors !== null };
  }

  /** Keeps an extracted note (wherever it was extracted): vectors whose text did not change are kept. */
  private store(file: VaultFile, extracted: ExtractedNote): void {
    const previous = this.notes.get(file.path);
    const no = previous?.no ?? this.nextNo++;
    if (previous) this.dropStaleVectors(previous, extracted.embedTexts);
    const note: IndexedNote = { no, record: this.names.internRecord(extracted.record), embedTexts: extracted.embedTexts, mtime: file.mtime, size: file.size };
    this.notes.set(file.path, note);
    this.byNo.set(no, note);
    this.fullText.upsert(file.path, extracted.fullText, extracted.tokens);
    if (this.noteVectors && !this.hasAllVectors(note)) {
      this.pending.add(file.path);
      this.orderStale = true;
    }
  }

  /** Removes a note; its vectors go to the reuse pool in case it comes back under another name. */
  remove(path: string): void {
    this.skipped.delete(path);
    const note = this.notes.get(path);
    if (!note) return;
    this.notes.delete(path);
    this.byNo.delete(note.no);
    this.pending.delete(path);
    this.fullText.remove(path);
    this.clearVectors(note);
  }

  private dropStaleVectors(previous: IndexedNote, wanted: EmbedText[]): void {
    const wantedHashes = new Set(wanted.map((t) => t.hash));
    for (const store of [this.noteVectors, this.chunkVectors]) {
      if (!store || !store.has(previous.no)) continue;
      const entries = store.entriesOf(previous.no);
      if (entries.every((e) => wantedHashes.has(e.hash))) continue;
      for (const entry of entries) this.pool.put(entry.hash, entry.vector);
      store.remove(previous.no);
    }
  }

  private storeFor(text: EmbedText): VectorStore | null {
    return text.kind === "passage" ? this.chunkVectors : this.noteVectors;
  }

  private hasAllVectors(note: IndexedNote): boolean {
    const noteHashes = new Set(this.noteVectors?.entriesOf(note.no).map((e) => e.hash));
    const chunkHashes = new Set(this.chunkVectors?.entriesOf(note.no).map((e) => e.hash));
    return note.embedTexts.every((t) => (t.kind === "passage" ? chunkHashes : noteHashes).has(t.hash));
  }

  /**
   * Computes the missing vectors of changed notes, in batches, reusing any vector already known by
   * its text hash. A note changed or deleted while its batch was embedding keeps nothing stale:
   * results are stored only if the note still wants exactly that text.
   */
  async embedPending(): Promise<void> {
    for (let batch = this.startNextBatch(); batch; batch = this.startNextBatch()) {
      await batch;
      await yieldToEventLoop(this.options.timers);
    }
  }

  /** How many notes wait for vectors, and about how many texts they will embed. */
  pendingWork(): { notes: number; texts: number } {
    let texts = 0;
    for (const path of this.pending) texts += this.notes.get(path)?.embedTexts.filter((t) => t.kind !== "mean").length ?? 0;
    return { notes: this.pending.size, texts };
  }

  /** Embeds these notes before the rest (the note the person is looking at). */
  prioritize(paths: readonly string[]): void {
    for (const path of paths) if (this.pending.has(path)) this.urgent.add(path);
  }

  /**
   * Takes the next batch of pending notes, most useful first: notes asked for (prioritize), then
   * LifeBetter's records, then the most recently changed, so similar notes and capture suggestions
   * work in the first minute of a long first index; null when nothing is pending. Taking is
   * immediate; the promise settles when the batch's vectors are stored, with the number of texts
   * the model computed (vectors reused from before cost nothing). A caller may take the next batch
   * meanwhile, so a pool of workers gets it before this one is done and never waits between
   * batches; a text a batch under way is computing is waited for, never embedded twice.
   */
  startNextBatch(): Promise<number> | null {
    const embedder = this.embedder;
    if (!embedder) {
      this.pending.clear();
      this.urgent.clear();
      return null;
    }
    if (this.pending.size === 0) return null;
    // A pool of N workers gets N batches' worth at once, so every member has work.
    const batchSize = (this.options.embedBatch ?? 32) * Math.max(1, embedder.parallelism ?? 1);
    const batch: { path: string; text: EmbedText }[] = [];
    for (const path of this.nextPending()) {
      const note = this.notes.get(path);
      this.pending.delete(path);
      this.urgent.delete(path);
      if (!note) continue;
      this.clearVectors(note);
      for (const text of note.embedTexts) batch.push({ path, text });
      if (batch.length >= batchSize) break;
    }
    const before = this.embedded;
    return this.fillBatch(embedder, batch).then(() => this.embedded - before);
  }

  /** Pending paths in embedding order (see startNextBatch); may name paths no longer pending. */
  private *nextPending(): Generator<string> {
    yield* [...this.urgent];
    if (this.orderStale || this.orderAt >= this.order.length) {
      const rank = (path: string): [number, number] => {
        const note = this.notes.get(path);
        return [note?.record.kind ? 0 : 1, -(note?.mtime ?? 0)];
      };
      this.order = [...this.pending].sort((a, b) => {
        const [ka, ta] = rank(a);
        const [kb, tb] = rank(b);
        return ka - kb || ta - tb || a.localeCompare(b);
      });
      this.orderAt = 0;
      this.orderStale = false;
    }
    while (this.orderAt < this.order.length) {
      const path = this.order[this.orderAt++] as string;
      if (this.pending.has(path)) yield path;
    }
  }

  /** Moves a note's current vectors to the reuse pool, so its unchanged texts are not embedded again. */
  private clearVectors(note: IndexedNote): void {
    for (const store of [this.noteVectors, this.chunkVectors]) {
      if (!store) continue;
      for (const entry of store.entriesOf(note.no)) this.pool.put(entry.hash, entry.vector);
      store.remove(note.no);
    }
  }

  private async fillBatch(embedder: Embedder, batch: { path: string; text: EmbedText }[]): Promise<void> {
    // Everything up to the first await runs as the batch is taken, before the next one is.
    const vectors = new Map<string, Float32Array>();
    const missing = new Set<string>();
    const underWay = new Map<string, Promise<Float32Array | undefined>>();
    for (const { text } of batch) {
      // Vectors of texts that left the index, or that another note already has.
      const known = this.pool.take(text.hash) ?? this.noteVectors?.vectorOfHash(text.hash) ?? this.chunkVectors?.vectorOfHash(text.hash);
      const computing = this.computing.get(text.hash);
      if (known) vectors.set(text.hash, known);
      else if (computing) underWay.set(text.hash, computing);
      else if (text.kind !== "mean") missing.add(text.hash);
    }
    if (missing.size > 0) {
      const texts = batch.filter(({ text }) => missing.has(text.hash));
      // One pass per distinct text: texts equal but for whitespace and case share a hash.
      const unique = [...new Map(texts.map(({ text }) => [text.hash, text.text])).entries()];
      const computed = embedder.embed(unique.map(([, text]) => text));
      unique.forEach(([hash], i) =>
        this.computing.set(
          hash,
          computed.then(
            (result) => result[i],
            () => undefined,
          ),
        ),
      );
      try {
        const result = await computed;
        this.embedded += unique.length;
        unique.forEach(([hash], i) => vectors.set(hash, result[i]!));
      } finally {
        for (const [hash] of unique) this.computing.delete(hash);
      }
    }
    for (const [hash, computing] of underWay) {
      const vector = await computing;
      if (vector) vectors.set(hash, vector);
    }
    // A long note's own vector comes from its passages (all in this batch), not from another pass.
    for (const { path, text } of batch) {
      if (text.kind !== "mean" || vectors.has(text.hash)) continue;
      const passages = this.notes.get(path)?.embedTexts.filter((t) => t.kind === "passage") ?? [];
      const mean = meanVector(passages.map((t) => vectors.get(t.hash)));
      if (mean) vectors.set(text.hash, mean);
    }
    for (const { path, text } of batch) {
      const note = this.notes.get(path);
      const vector = vectors.get(text.hash);
      // Deleted or edited while the model ran: keep the vector for later reuse, store nothing stale.
      if (!note || !vector || !note.embedTexts.some((t) => t.hash === text.hash && t.key === text.key && t.kind === text.kind)) {
        if (vector) this.pool.put(text.hash, vector);
        continue;
      }
      if (!missing.has(text.hash) && text.kind !== "mean") this.reused++;
      this.storeFor(text)?.add(note.no, text.key, text.hash, vector);
      // Only the hash is needed from now on (a changed note is extracted afresh): holding every
      // embedded text would keep a second copy of the vault's prose in the worker's heap.
      text.text = "";
    }
  }

  /**
   * Brings the index in line with the vault: notes unchanged since the index was saved (same mtime
   * and size) are not even read, removed ones drop out, the rest are read and re-indexed. Resolves
   * with the number of extraction workers that parsed notes to the end (0: all in this thread).
   */
  async sync(source: NoteSource, onProgress?: (done: number, total: number) => void): Promise<{ extractWorkers: number }> {
    const files = (await source.listFiles()).filter((file) => this.admits(file.path));
    const present = new Set(files.map((f) => f.path));
    for (const path of [...this.notes.keys()]) if (!present.has(path)) this.remove(path);
    for (const path of [...this.skipped.keys()]) if (!present.has(path)) this.skipped.delete(path);
    // A note over the limit is skipped without reading it.
    const toRead = files.filter((file) => {
      const known = this.notes.get(file.path);
      return (!known || known.mtime !== file.mtime || known.size !== file.size) && !this.tooLarge(file);
    });
    const progress = { done: files.length - toRead.length, total: files.length };
    const reads = readInOrder(source, toRead);
    const extractor = toRead.length >= PARALLEL_EXTRACT_FROM ? await this.startExtractor() : inlineExtractor;
    let extractWorkers = 0;
    try {
      if (extractor.workers > 0) {
        await this.syncInBatches(toRead, reads, extractor, progress, onProgress);
        extractWorkers = extractor.workers;
      } else {
        for (let i = 0; i < toRead.length; i++) {
          this.applyRead(toRead[i]!.path, await reads(i));
          await this.advance(progress, onProgress);
        }
      }
    } finally {
      await extractor.dispose();
    }
    onProgress?.(progress.done, progress.total);
    return { extractWorkers };
  }

  /** The extraction workers for a large sync; this thread when there are none or they cannot start. */
  private async startExtractor(): Promise<NoteExtractor> {
    return (await this.options.startExtractor?.().catch(() => null)) ?? inlineExtractor;
  }

  /** Counts one more note done; every 64, reports progress and lets other work (queries, events) run. */
  private async advance(progress: { done: number; total: number }, onProgress?: (done: number, total: number) => void): Promise<void> {
    if (++progress.done % 64 !== 0) return;
    onProgress?.(progress.done, progress.total);
    await yieldToEventLoop(this.options.timers);
  }

  /**
   * Indexes notes extracted by other threads: while they parse one batch, this thread reads the
   * next and puts the previous ones into full text. A few batches are under way at most (two per
   * worker and one), so memory stays bounded whatever the vault's size, and they are applied in
   * listing order, so the index is the one inline extraction builds.
   */
  private async syncInBatches(
    toRead: readonly VaultFile[],
    reads: (index: number) => Promise<NoteRead>,
    extractor: NoteExtractor,
    progress: { done: number; total: number },
    onProgress?: (done: number, total: number) => void,
  ): Promise<void> {
    const options = this.extractOptions();
    const inFlight: { reads: { path: string; read: NoteRead }[]; extracted: Promise<(ExtractedNote | undefined)[]> }[] = [];
    let batch: { path: string; read: NoteRead }[] = [];
    let bytes = 0;
    const hostFrontmatter = extractor.workers > 0 && extractor.workers <= HOST_FRONTMATTER_UP_TO_WORKERS;
    const send = (): void => {
      if (batch.length === 0) return;
      const sent = batch;
      batch = [];
      bytes = 0;
      const jobs: ExtractJob[] = [];
      const at: number[] = [];
      sent.forEach(({ read }, k) => {
        // Only notes that will be indexed (unreadable, excluded and too large ones are handled in order).
        if (read === null || "unreadable" in read || !this.indexes(read.file)) return;
        const properties = read.properties ?? (hostFrontmatter ? parsedProperties(read.text) : undefined);
        jobs.push({ file: read.file, text: read.text, ...(properties ? { properties } : {}) });
        at.push(k);
      });
      const extracted = extractor.extract(jobs, options).then((notes) => {
        const byRead = new Array<ExtractedNote | undefined>(sent.length);
        at.forEach((k, j) => (byRead[k] = notes[j]));
        return byRead;
      });
      // Awaited below in order; until then a failure must not count as unhandled.
      extracted.catch(() => undefined);
      inFlight.push({ reads: sent, extracted });
    };
    const applyOldest = async (): Promise<void> => {
      const oldest = inFlight.shift()!;
      const notes = await oldest.extracted;
      for (let k = 0; k < oldest.reads.length; k++) {
        const { path, read } = oldest.reads[k]!;
        this.applyRead(path, read, notes[k]);
        await this.advance(progress, onProgress);
      }
    };
    const maxInFlight = 2 * extractor.workers + 1;
    for (let i = 0; i < toRead.length; i++) {
      const read = await reads(i);
      batch.push({ path: toRead[i]!.path, read });
      bytes += read && !("unreadable" in read) ? read.text.length : 0;
      if (batch.length >= EXTRACT_BATCH || bytes >= EXTRACT_BATCH_BYTES) send();
      while (inFlight.length >= maxInFlight) await applyOldest();
    }
    send();
    while (inFlight.length > 0) await applyOldest();
  }

  /** Re-reads one note; a note gone by the time it is read is removed. */
  async refresh(source: NoteSource, path: string): Promise<void> {
    this.applyRead(path, await source.readNote(path));
  }

  /** Indexes a note as read (extracted already, when another thread did it), or drops it when it is gone or unreadable. */
  private applyRead(path: string, read: NoteRead, extracted?: ExtractedNote): void {
    if (read === null || "unreadable" in read) {
      this.remove(path);
      if (read && this.admits(path)) this.skipped.set(path, read.unreadable);
      return;
    }
    if (!extracted) this.apply(read.file, read.text, read.properties);
    else if (this.admitFile(read.file)) this.store(read.file, extracted);
  }

  status(): IndexStatus {
    const embedder = this.options.embedder;
    return {
      notes: this.notes.size,
      chunks: this.chunkVectors?.size ?? 0,
      pendingEmbeddings: this.pending.size,
      embedded: this.embedded,
      reused: this.reused,
      skipped: [...this.skipped].map(([path, reason]) => ({ path, reason })),
      embeddings: "embedder" in embedder ? readyState(embedder) : { state: "unavailable", ...embedder.unavailable },
    };
  }

  /** Internal: used by persistence to restore saved state. */
  adopt(state: { notes: IndexedNote[]; fullText: FullTextIndex; noteVectors: VectorStore | null; chunkVectors: VectorStore | null; nextNo: number }): void {
    this.notes.clear();
    this.byNo.clear();
    for (const note of state.notes) {
      this.names.internRecord(note.record);
      this.notes.set(note.record.path, note);
      this.byNo.set(note.no, note);
    }
    this.fullText = state.fullText;
    if (this.noteVectors && state.noteVectors && state.chunkVectors) {
      this.noteVectors = state.noteVectors;
      this.chunkVectors = state.chunkVectors;
    }
    this.nextNo = state.nextNo;
    // A restored note has no texts to embed (only their hashes): if vectors are missing, the next
    // sync must read it again.
    for (const note of this.notes.values()) if (this.noteVectors && !this.hasAllVectors(note)) note.mtime = -1;
  }

  isPending(path: string): boolean {
    return this.pending.has(path);
  }

  get nextNoteNo(): number {
    return this.nextNo;
  }
}

/** The re-normalised mean of unit vectors, or null when one is missing (nothing stale is stored). */
function meanVector(vectors: (Float32Array | undefined)[]): Float32Array | null {
  const first = vectors[0];
  if (!first || vectors.some((v) => !v)) return null;
  const mean = new Float32Array(first.length);
  for (const vector of vectors as Float32Array[]) for (let d = 0; d < mean.length; d++) mean[d]! += vector[d]!;
  let norm = 0;
  for (const value of mean) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm === 0) return null;
  for (let d = 0; d < mean.length; d++) mean[d]! /= norm;
  return mean;
}

/** The status of a loaded model: which, how many workers, on which device (and why not WebGPU). */
function readyState(status: Extract<EmbedderStatus, { embedder: Embedder }>): EmbeddingState {
  const { embedder, deviceNote } = status;
  const workerLoad = embedder.workerLoad?.() ?? [];
  return {
    state: "ready",
    modelId: embedder.modelId,
    workers: embedder.parallelism ?? 1,
    ...(embedder.device ? { device: embedder.device } : {}),
    ...(deviceNote ? { deviceNote } : {}),
    ...(workerLoad.length > 0 ? { workerLoad } : {}),
  };
}

/**
 * Reads notes ahead of the one being indexed (a disk or the worker's round trip to the main thread
 * would otherwise idle between notes): `read(i)` is the i-th file's read, asked for in order.
 */
function readInOrder(source: NoteSource, toRead: readonly VaultFile[]): (index: number) => Promise<NoteRead> {
  const reads = new Map<number, Promise<NoteRead>>();
  let next = 0;
  let aheadBytes = 0;
  const readAhead = (from: number): void => {
    while (next < toRead.length && next - from < READ_AHEAD && (next === from || aheadBytes + toRead[next]!.size <= READ_AHEAD_BYTES)) {
      const file = toRead[next]!;
      const read = source.readNote(file.path);
      // Awaited below in order; until then a failure must not count as unhandled.
      read.catch(() => undefined);
      reads.set(next++, read);
      aheadBytes += file.size;
    }
  };
  return async (index) => {
    readAhead(index);
    const read = reads.get(index)!;
    const result = await read;
    reads.delete(index);
    aheadBytes -= toRead[index]!.size;
    readAhead(index + 1);
    return result;
  };
}
