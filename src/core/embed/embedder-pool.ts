import { embedQueries, type Embedder } from "./embedder";

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
 * Several embedders of one model working as one: each call's texts are sorted by length (so a
 * piece pads little), cut into pieces, and every member takes the next piece as soon as it is free,
 * so a slower member simply does fewer. In the plugin the members are Web Workers with one WASM
 * thread each; one worker uses one core, a pool uses the cores a laptop leaves idle.
 */
export class EmbedderPool implements Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  readonly parallelism: number;
  readonly maxTokens?: number;
  readonly device?: "webgpu" | "wasm" | "cpu";

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
    if (first.maxTokens !== undefined) this.maxTokens = first.maxTokens;
    if (first.device !== undefined) this.device = first.device;
  }

  get size(): number {
    return this.members.length;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const order = texts.map((_, index) => index).sort((a, b) => (texts[a]?.length ?? 0) - (texts[b]?.length ?? 0));
    const pieces: number[][] = [];
    for (let start = 0; start < order.length; start += this.chunk) pieces.push(order.slice(start, start + this.chunk));
    // Longest pieces first: a long piece started last would leave the other members idle at the end.
    pieces.reverse();
    const vectors = new Array<Float32Array>(texts.length);
    let next = 0;
    const work = async (member: Embedder): Promise<void> => {
      while (next < pieces.length) {
        const piece = pieces[next++] as number[];
        const computed = await member.embed(piece.map((index) => texts[index] ?? ""));
        piece.forEach((textIndex, row) => (vectors[textIndex] = computed[row] as Float32Array));
      }
    };
    await Promise.all(this.members.map(work));
    return vectors;
  }

  /** Queries are few and short: the first member embeds them, with the model's query prefix. */
  embedQueries(texts: string[]): Promise<Float32Array[]> {
    return embedQueries(this.members[0] as Embedder, texts);
  }

  async dispose(): Promise<void> {
    await Promise.all(this.members.map((member) => member.dispose?.() ?? Promise.resolve()));
  }
}
