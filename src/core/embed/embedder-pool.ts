import { embedQueries, type Embedder, type WorkerLoad } from "./embedder";

/** The most embedding workers LifeBetter starts: past this, memory grows faster than speed. */
export const MAX_EMBEDDING_WORKERS = 4;

/**
 * How many workers embed at once: the setting when it names a number (at most the maximum), else
 * one per core the device has to spare (cores − 1, at least 1); always 1 on a phone, where memory is
 * short and every worker holds its own copy of the model.
 */
export function embeddingWorkerCount(setting: number, cores: number, mobile: boolean): number {
  if (mobile) return 1;
  if (setting > 0) return Math.min(setting, MAX_EMBEDDING_WORKERS);
  return Math.max(1, Math.min(MAX_EMBEDDING_WORKERS, Math.floor(cores) - 1));
}

/**
 * Workers that extract notes during a large sync (a first index): the same rule as for embedding
 * workers (cores − 1, at most the maximum), since both use the cores a device has to spare; none on
 * a phone or a single core, where the index's own thread extracts. The person's worker setting caps both. Even one helps on two cores: it
 * parses while the index reads and fills full text.
 */
export function extractionWorkerCount(setting: number, cores: number, mobile: boolean): number {
  return mobile || cores < 2 ? 0 : embeddingWorkerCount(setting, cores, false);
}

/** The most WASM threads one worker asks for: past this the model's small matrices gain little. */
export const MAX_THREADS_PER_WORKER = 4;

/**
 * WASM threads per embedding worker. Threads need SharedArrayBuffer, which only a cross-origin
 * isolated page has; elsewhere onnxruntime-web cannot start them, so 1. When isolated, the cores are
 * split between the pool's workers (a pool of 2 on 8 cores: 4 threads each), never oversubscribed.
 */
export function wasmThreadsPerWorker(crossOriginIsolated: boolean, cores: number, workers: number): number {
  if (!crossOriginIsolated) return 1;
  const share = Math.floor(Math.max(1, Math.floor(cores)) / Math.max(1, Math.floor(workers)));
  return Math.max(1, Math.min(MAX_THREADS_PER_WORKER, share));
}

/** Texts per piece of work a member takes from the queue: small enough to balance, large enough to batch. */
const DEFAULT_CHUNK = 16;

/**
 * Pieces a member holds at once: the one it computes and the next, already in its message queue, so
 * it starts that one the moment it is done instead of waiting for the index worker to hear back and
 * send more (measured with the first-index bench's busy times).
 */
const PIECES_PER_MEMBER = 2;

/** Texts of one call, sent to one member; `call` fails as a whole when one of its pieces fails. */
interface Piece {
  texts: string[];
  call: { failed: boolean };
  done: (vectors: Float32Array[]) => void;
  fail: (error: unknown) => void;
}

/**
 * Several embedders of one model working as one: each call's texts are sorted by length (so a
 * piece pads little), cut into pieces, longest first, and queued behind earlier calls' pieces.
 * Every member holds up to two pieces and gets the next as soon as it finishes one, so a slower
 * member simply does fewer, and no member waits for the others at the end of a call: the index
 * hands the pool its next batch before the last one is done. In the plugin the members are Web
 * Workers with one WASM thread each; one worker uses one core, a pool uses the cores a laptop
 * leaves idle.
 */
export class EmbedderPool implements Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  readonly parallelism: number;
  readonly elsewhere = true;
  readonly maxTokens?: number;
  readonly device?: "webgpu" | "wasm" | "cpu";
  private readonly queue: Piece[] = [];
  /** Pieces each member holds (computing or queued in it). */
  private readonly held: number[];

  constructor(
    private readonly members: readonly Embedder[],
    private readonly chunk = DEFAULT_CHUNK,
  ) {
    const first = members[0];
    if (!first) throw new Error("an embedder pool needs at least one member");
    const other = members.find((member) => member.modelId !== first.modelId || member.dimensions !== first.dimensions);
    // Vectors of two models must never be mixed: a pool is one model, everywhere.
    if (other) throw new Error(`an embedder pool mixes models: ${first.modelId} and ${other.modelId}`);
    this.modelId = first.modelId;
    this.dimensions = first.dimensions;
    this.parallelism = members.length;
    this.held = members.map(() => 0);
    if (first.maxTokens !== undefined) this.maxTokens = first.maxTokens;
    if (first.device !== undefined) this.device = first.device;
  }

  get size(): number {
    return this.members.length;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const order = texts.map((_, index) => index).sort((a, b) => (texts[a]?.length ?? 0) - (texts[b]?.length ?? 0));
    const slices: number[][] = [];
    for (let start = 0; start < order.length; start += this.chunk) slices.push(order.slice(start, start + this.chunk));
    // Longest pieces first: a long piece started last would leave the other members idle at the end.
    slices.reverse();
    const vectors = new Array<Float32Array>(texts.length);
    const call = { failed: false };
    const pieces = slices.map(
      (slice) =>
        new Promise<void>((resolve, reject) =>
          this.queue.push({
            texts: slice.map((index) => texts[index] ?? ""),
            call,
            done: (computed) => {
              slice.forEach((textIndex, row) => (vectors[textIndex] = computed[row] as Float32Array));
              resolve();
            },
            fail: (error) => {
              call.failed = true;
              reject(error instanceof Error ? error : new Error(String(error)));
            },
          }),
        ),
    );
    this.dispatch();
    await Promise.all(pieces);
    return vectors;
  }

  /**
   * Hands queued pieces to the members with room, the least loaded first. When no more pieces wait
   * than there are members, each member gets one at a time: a piece queued behind another in one
   * member would otherwise leave the others idle at the end.
   */
  private dispatch(): void {
    for (;;) {
      const room = this.queue.length > this.members.length ? PIECES_PER_MEMBER : 1;
      let member = -1;
      this.held.forEach((held, index) => {
        if (held < room && (member < 0 || held < (this.held[member] ?? 0))) member = index;
      });
      if (member < 0) return;
      let piece = this.queue.shift();
      // A call that already failed needs none of its other pieces.
      while (piece?.call.failed) piece = this.queue.shift();
      if (!piece) return;
      const taken = piece;
      const at = member;
      this.held[at]! += 1;
      (this.members[at] as Embedder)
        .embed(taken.texts)
        .then(taken.done, taken.fail)
        .finally(() => {
          this.held[at]! -= 1;
          this.dispatch();
        });
    }
  }

  /** Queries are few and short: the first member embeds them, with the model's query prefix. */
  embedQueries(texts: string[]): Promise<Float32Array[]> {
    return embedQueries(this.members[0] as Embedder, texts);
  }

  workerLoad(): WorkerLoad[] {
    return this.members.flatMap((member) => member.workerLoad?.() ?? []);
  }

  async dispose(): Promise<void> {
    await Promise.all(this.members.map((member) => member.dispose?.() ?? Promise.resolve()));
  }
}
