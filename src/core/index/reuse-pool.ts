/**
 * Vectors of texts that just left the index (a note deleted, renamed or edited), by text hash.
 * A rename or move is a delete plus a create; the pool lets the create find its vectors again,
 * so it re-embeds nothing. Bounded: the oldest entries go first.
 */
export class ReusePool {
  private readonly vectors = new Map<string, Float32Array>();

  constructor(private readonly capacity = 4096) {}

  put(hash: string, vector: Float32Array): void {
    this.vectors.delete(hash);
    this.vectors.set(hash, vector.slice());
    if (this.vectors.size > this.capacity) {
      const oldest = this.vectors.keys().next().value;
      if (oldest !== undefined) this.vectors.delete(oldest);
    }
  }

  take(hash: string): Float32Array | undefined {
    return this.vectors.get(hash);
  }
}
