/**
 * Embeddings of one model, keyed by the SHA-256 of the embedded text (see digestKey). Renaming or moving a
 * note changes nothing here, and an edited note only misses for its changed chunks.
 */
export class EmbeddingCache {
  private readonly vectors = new Map<string, Float32Array>();
  /** Changed since it was loaded or saved: whether a save is worth doing. */
  dirty = false;

  constructor(
    readonly modelId: string,
    readonly dimensions: number,
  ) {}

  get size(): number {
    return this.vectors.size;
  }

  get(key: string): Float32Array | undefined {
    return this.vectors.get(key);
  }

  has(key: string): boolean {
    return this.vectors.has(key);
  }

  set(key: string, vector: Float32Array): void {
    if (vector.length !== this.dimensions) throw new Error(`a ${vector.length}-dimensional vector cannot go into a ${this.dimensions}-dimensional cache`);
    this.vectors.set(key, vector);
    this.dirty = true;
  }

  /** Keeps only the given keys (e.g. the texts of the notes that still exist); returns how many went. */
  retain(keep: ReadonlySet<string>): number {
    let removed = 0;
    for (const key of this.vectors.keys()) {
      if (!keep.has(key)) {
        this.vectors.delete(key);
        removed++;
      }
    }
    if (removed > 0) this.dirty = true;
    return removed;
  }

  entries(): IterableIterator<[string, Float32Array]> {
    return this.vectors.entries();
  }
}
