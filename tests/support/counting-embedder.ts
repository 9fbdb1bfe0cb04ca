import type { Embedder } from "../../src/core/embed/embedder";

/**
 * A deterministic fake model that records every text it is asked to embed: vector i of a text is
 * derived from its characters, so equal texts give equal vectors and different texts differ.
 */
export class CountingEmbedder implements Embedder {
  readonly calls: string[][] = [];
  constructor(
    readonly modelId = "fake/model#q8#mean-normalized",
    readonly dimensions = 8,
  ) {}

  get embeddedTexts(): string[] {
    return this.calls.flat();
  }

  embed(texts: string[]): Promise<Float32Array[]> {
    this.calls.push([...texts]);
    return Promise.resolve(
      texts.map((text) => {
        const vector = new Float32Array(this.dimensions);
        for (let i = 0; i < text.length; i++) vector[i % this.dimensions]! += text.charCodeAt(i) * (i + 1);
        const norm = Math.hypot(...vector) || 1;
        return vector.map((value) => value / norm);
      }),
    );
  }
}
