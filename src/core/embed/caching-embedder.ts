import { embedQueries, type Embedder } from "./embedder";
import type { EmbeddingCache } from "./embedding-cache";
import { digestKey, sha256Texts, type TextHasher } from "./text-hash";

/** How many vectors were computed by the model and how many came from the cache. */
export interface EmbedStats {
  computed: number;
  reused: number;
}

/**
 * An Embedder that asks the model only for texts it has never seen: each text is keyed by its
 * SHA-256, looked up in the cache, and the misses are embedded once (duplicates in one call and
 * texts already being embedded by an earlier call share the same result).
 */
export class CachingEmbedder implements Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  readonly stats: EmbedStats = { computed: 0, reused: 0 };
  private readonly pending = new Map<string, Promise<Float32Array>>();

  constructor(
    private readonly model: Embedder,
    readonly cache: EmbeddingCache,
    private readonly hash: TextHasher = sha256Texts,
  ) {
    if (cache.modelId !== model.modelId || cache.dimensions !== model.dimensions) {
      throw new Error(`the cache is for ${cache.modelId} (${cache.dimensions}), the model is ${model.modelId} (${model.dimensions})`);
    }
    this.modelId = model.modelId;
    this.dimensions = model.dimensions;
  }

  get parallelism(): number {
    return this.model.parallelism ?? 1;
  }

  get elsewhere(): boolean {
    return this.model.elsewhere === true;
  }

  get device(): Embedder["device"] {
    return this.model.device;
  }

  /** The model's sequence length: the index sizes passages by it, cache or not. */
  get maxTokens(): number | undefined {
    return this.model.maxTokens;
  }

  /** The cache keys of texts (their SHA-256 as digestKeys), e.g. to `retain` only the live ones. */
  async keys(texts: readonly string[]): Promise<string[]> {
    return (await this.hash(texts)).map(digestKey);
  }

  /** Queries are not cached (they would crowd out the notes' vectors); the model's query form is kept. */
  embedQueries(texts: string[]): Promise<Float32Array[]> {
    return embedQueries(this.model, texts);
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const keys = await this.keys(texts);
    const results = new Array<Promise<Float32Array>>(texts.length);
    const missing = new Map<string, string>(); // key → text, each once
    keys.forEach((key, index) => {
      const cached = this.cache.get(key);
      const pending = cached ? Promise.resolve(cached) : this.pending.get(key);
      if (pending) {
        results[index] = pending;
        this.stats.reused++;
      } else if (!missing.has(key)) {
        missing.set(key, texts[index] ?? "");
      } else {
        this.stats.reused++;
      }
    });
    if (missing.size > 0) {
      const batch = this.computeMissing(missing);
      keys.forEach((key, index) => {
        if (results[index] === undefined) results[index] = batch.then((vectors) => vectors.get(key) as Float32Array);
      });
    }
    return Promise.all(results);
  }

  private computeMissing(missing: Map<string, string>): Promise<Map<string, Float32Array>> {
    const keys = [...missing.keys()];
    const batch = this.model.embed([...missing.values()]).then((vectors) => {
      const byKey = new Map<string, Float32Array>();
      keys.forEach((key, index) => {
        const vector = vectors[index];
        if (!vector) throw new Error("the model returned fewer vectors than texts");
        this.cache.set(key, vector);
        byKey.set(key, vector);
      });
      this.stats.computed += keys.length;
      return byKey;
    });
    // Later calls asking for the same text wait for this batch instead of embedding it again.
    for (const key of keys) {
      const shared = batch.then((byKey) => byKey.get(key) as Float32Array);
      // Handled here so a failure nobody else waits for is not an unhandled rejection; callers still see it.
      shared.catch(() => undefined);
      this.pending.set(key, shared);
    }
    const clear = (): void => keys.forEach((key) => this.pending.delete(key));
    batch.then(clear, clear);
    return batch;
  }

  async dispose(): Promise<void> {
    await this.model.dispose?.();
  }
}
