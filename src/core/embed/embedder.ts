/**
 * Turns texts into unit-length sentence vectors. Implementations: transformers.js in the app (WASM
 * in a worker) and in Node (onnxruntime-node). The index never knows which one it has.
 */
export interface Embedder {
  /** Identifies the model and its settings; part of every embedding cache key. */
  readonly modelId: string;
  readonly dimensions: number;
  /** How many texts it can work on at once (a pool of workers); 1 when absent. The index sizes its batches by it. */
  readonly parallelism?: number;
  /**
   * Computes in other threads (embedding workers): the index hands it the next batch while one is
   * under way, so it never waits between batches. Absent: it computes in the index's own thread.
   */
  readonly elsewhere?: boolean;
  /** Word pieces the model reads of a text (the rest is cut off), so the index splits long text into passages this long. */
  readonly maxTokens?: number;
  /** Where the model runs: "webgpu" or "wasm" in the plugin's worker, "cpu" in Node; absent when unknown. */
  readonly device?: "webgpu" | "wasm" | "cpu";
  /** One Float32Array of length `dimensions` per text (a note or passage), L2-normalised, in the same order. */
  embed(texts: string[]): Promise<Float32Array[]>;
  /**
   * The same for search queries, for models that embed queries differently from passages (E5's
   * "query: " prefix). Absent: queries are embedded like passages.
   */
  embedQueries?(texts: string[]): Promise<Float32Array[]>;
  dispose?(): Promise<void>;
  /** Embedding workers only: how long each has computed and waited so far (a debug stat: a pool is as fast as its workers are busy). */
  workerLoad?(): WorkerLoad[];
}

/** An embedding worker's time since its first request: computing (inside the model) and waiting for work. */
export interface WorkerLoad {
  busyMs: number;
  idleMs: number;
}

/** Why embeddings are unavailable, for the status bar and the CLI's stderr. */
export interface EmbedderUnavailable {
  reason: string;
  /** What the user can do about it. */
  fix: string;
}

/** Embeds search queries the way the model wants them. */
export function embedQueries(embedder: Embedder, texts: string[]): Promise<Float32Array[]> {
  return embedder.embedQueries ? embedder.embedQueries(texts) : embedder.embed(texts);
}
