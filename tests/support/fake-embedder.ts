import type { Embedder } from "../../src/core/embed/embedder";

/**
 * TEST DOUBLE, not a model: a deterministic bag-of-words "embedder" (each lower-cased word hashed
 * to one of `dimensions` axes, then L2-normalised). Texts sharing words are close; it counts every
 * text it is asked to embed, so tests can assert how many embeddings an operation computed.
 */
export class FakeEmbedder implements Embedder {
  readonly modelId: string;
  calls = 0;
  texts: string[] = [];

  constructor(
    readonly dimensions = 64,
    modelId = "test/fake-bag-of-words",
  ) {
    this.modelId = modelId;
  }

  embed(texts: string[]): Promise<Float32Array[]> {
    this.calls++;
    this.texts.push(...texts);
    return Promise.resolve(texts.map((text) => this.vector(text)));
  }

  private vector(text: string): Float32Array {
    const vector = new Float32Array(this.dimensions);
    for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
      let h = 2166136261;
      for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
      vector[(h >>> 0) % this.dimensions]! += 1;
    }
    const norm = Math.hypot(...vector) || 1;
    for (let d = 0; d < vector.length; d++) vector[d]! /= norm;
    if (norm === 1 && vector.every((x) => x === 0)) vector[0] = 1;
    return vector;
  }
}
