import type { Embedder } from "../../src/core/embed/embedder";
import { hashText } from "../../src/core/index/text-hash";
import { seededRandom as seeded } from "../support/seeded-random";

/**
 * Precomputed-style random unit vectors (384 dims) for the large synthetic runs: isolates the index
 * from the model's cost. The vector is seeded by the text's first words, so near-duplicate notes
 * get near-identical vectors, as a sentence model would give them.
 */
export class RandomUnitEmbedder implements Embedder {
  readonly modelId = "bench/random-unit-384";
  readonly dimensions = 384;
  embedded = 0;

  embed(texts: string[]): Promise<Float32Array[]> {
    this.embedded += texts.length;
    return Promise.resolve(texts.map((text) => this.vector(text)));
  }

  private vector(text: string): Float32Array {
    const base = seeded(parseInt(hashText(text.split(/\s+/).slice(0, 12).join(" ")).slice(0, 8), 36));
    const noise = seeded(parseInt(hashText(text).slice(0, 8), 36));
    const vector = new Float32Array(this.dimensions);
    let norm = 0;
    for (let d = 0; d < this.dimensions; d++) {
      const x = base() - 0.5 + 0.05 * (noise() - 0.5);
      vector[d] = x;
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    for (let d = 0; d < this.dimensions; d++) vector[d]! /= norm;
    return vector;
  }
}
