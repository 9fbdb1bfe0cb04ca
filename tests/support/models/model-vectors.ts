import type { EmbedderLoad } from "../../../src/core/embed/embedder-load";

/** Short, medium and long texts from the test vocabulary, for comparing two files of one model. */
export const MIXED_TEXTS = [
  "fix the failing test before the merge",
  "bake sourdough bread on a quiet morning",
  "sleep focus energy mood habit week month review plan write read code search meaning index vector model",
  "garden",
];

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(normA * normB);
}

/** The vectors of MIXED_TEXTS from a loaded embedder, which is then disposed. */
export async function embedAll(load: Promise<EmbedderLoad>): Promise<Float32Array[]> {
  const loaded = await load;
  if (!loaded.ok) throw new Error(loaded.unavailable.reason);
  const vectors = await loaded.embedder.embed(MIXED_TEXTS);
  await loaded.embedder.dispose?.();
  return vectors;
}
