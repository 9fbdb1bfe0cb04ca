import type { Embedder } from "./embedder";
import { EmbedderUnavailableError } from "./embedder-load";
import { lengthBatches } from "./length-batches";

/** The slice of a transformers.js feature-extraction pipeline this module uses. */
export interface FeatureExtractor {
  (texts: string[], options: { pooling: "mean"; normalize: true }): Promise<{ data: ArrayLike<number>; dims: readonly number[] }>;
  dispose?(): Promise<unknown>;
  /** The pipeline's tokenizer: it pads and truncates every call at its `model_max_length`. */
  tokenizer?: { model_max_length?: number };
}

export interface TransformersEmbedderOptions {
  /** The embedding cache key (see modelCacheKey). */
  modelId: string;
  /** Texts per model call. Larger batches amortise overhead; padding to the longest costs more. */
  batchSize?: number;
  /** What the model expects before a passage and before a query (see model-catalog.ts). */
  passagePrefix?: string;
  queryPrefix?: string;
  /** Word pieces the model was trained at (model-catalog.ts); longer texts are cut there. */
  maxTokens?: number;
  /** Where the pipeline runs, for the status. */
  device?: "webgpu" | "wasm" | "cpu";
}

const DEFAULT_BATCH_SIZE = 32;

/**
 * Makes the pipeline cut texts at `maxTokens` tokens. transformers.js 4.x's feature-extraction
 * pipeline always tokenises with `truncation: true` at the tokenizer's `model_max_length` and takes
 * no length option, so the limit is set on the tokenizer (an own property over its getter, which
 * reads tokenizer_config.json). Never raised: a tokenizer that allows less keeps its limit.
 * (transformers.js keeps [CLS] and drops [SEP] when it cuts; Python's tokenizers keep both.)
 */
function capSequenceLength(extractor: FeatureExtractor, maxTokens: number): void {
  const tokenizer = extractor.tokenizer;
  if (!tokenizer || !(maxTokens > 0)) return;
  const current = tokenizer.model_max_length ?? Infinity;
  Object.defineProperty(tokenizer, "model_max_length", { value: Math.min(current, Math.floor(maxTokens)), configurable: true, writable: true });
}

/**
 * An Embedder over a loaded transformers.js pipeline (mean pooling, L2-normalised). It is the
 * same code in Node (onnxruntime-node) and in the worker (onnxruntime-web): only the pipeline differs.
 */
export class TransformersEmbedder implements Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  readonly maxTokens?: number;
  readonly device?: "webgpu" | "wasm" | "cpu";
  private readonly batchSize: number;

  private constructor(
    private readonly extractor: FeatureExtractor,
    private readonly options: TransformersEmbedderOptions,
    dimensions: number,
  ) {
    this.modelId = options.modelId;
    this.dimensions = dimensions;
    this.batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    if (options.device) this.device = options.device;
    const limit = extractor.tokenizer?.model_max_length;
    if (limit !== undefined && Number.isFinite(limit) && limit > 0) this.maxTokens = limit;
  }

  /**
   * Wraps a pipeline after one probe embedding, so a model that loads but cannot run (wrong
   * outputs, corrupt weights) fails here, at load time, rather than in the middle of indexing.
   */
  static async create(extractor: FeatureExtractor, options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
    if (options.maxTokens !== undefined) capSequenceLength(extractor, options.maxTokens);
    const probe = await extractor(["probe"], { pooling: "mean", normalize: true });
    const dimensions = probe.dims[probe.dims.length - 1] ?? 0;
    if (probe.dims.length !== 2 || dimensions <= 0 || probe.data.length !== dimensions) {
      throw new EmbedderUnavailableError(
        `the model's output has shape [${probe.dims.join(", ")}], not one sentence vector`,
        "Use a sentence-embedding (feature-extraction) model such as Xenova/all-MiniLM-L6-v2.",
      );
    }
    return new TransformersEmbedder(extractor, options, dimensions);
  }

  /** Passages (notes, chunks), with the model's passage prefix. */
  embed(texts: string[]): Promise<Float32Array[]> {
    const prefix = this.options.passagePrefix ?? "";
    return this.embedRaw(prefix ? texts.map((text) => prefix + text) : texts);
  }

  /** Search queries, with the model's query prefix. */
  embedQueries(texts: string[]): Promise<Float32Array[]> {
    const prefix = this.options.queryPrefix ?? "";
    return this.embedRaw(prefix ? texts.map((text) => prefix + text) : texts);
  }

  private async embedRaw(texts: string[]): Promise<Float32Array[]> {
    const vectors = new Array<Float32Array>(texts.length);
    // Texts of similar length share a batch, so little compute is spent on padding.
    for (const indexes of lengthBatches(
      texts.map((text) => text.length),
      this.batchSize,
    )) {
      const output = await this.extractor(
        indexes.map((index) => texts[index] ?? ""),
        { pooling: "mean", normalize: true },
      );
      indexes.forEach((textIndex, row) => (vectors[textIndex] = this.row(output.data, row)));
    }
    return vectors;
  }

  /** A copy of one row, so each vector owns its memory (the pipeline's buffer is not kept alive). */
  private row(data: ArrayLike<number>, row: number): Float32Array {
    const start = row * this.dimensions;
    const vector =
      data instanceof Float32Array
        ? data.slice(start, start + this.dimensions)
        : Float32Array.from({ length: this.dimensions }, (_, d) => data[start + d] ?? 0);
    for (const value of vector) {
      if (!Number.isFinite(value))
        throw new EmbedderUnavailableError(
          "the model produced an invalid vector (NaN or infinity)",
          "The model files are probably damaged: delete them so they are downloaded again.",
        );
    }
    return vector;
  }

  async dispose(): Promise<void> {
    await this.extractor.dispose?.();
  }
}
