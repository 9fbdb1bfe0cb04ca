import { describe, expect, test } from "vitest";
import { EmbedderUnavailableError } from "../../../src/core/embed/embedder-load";
import { TransformersEmbedder, type FeatureExtractor } from "../../../src/core/embed/transformers-embedder";

/** A fake pipeline: the vector of a text is [length, 1, 0]; records each call's texts. */
function fakeExtractor(calls: string[][], make: (text: string) => number[] = (text) => [text.length, 1, 0]): FeatureExtractor {
  return (texts) => {
    calls.push(texts);
    const rows = texts.map(make);
    return Promise.resolve({ data: new Float32Array(rows.flat()), dims: [texts.length, rows[0]?.length ?? 0] });
  };
}

describe("TransformersEmbedder", () => {
  test("probes the model once at creation and takes its dimensions from it", async () => {
    const calls: string[][] = [];
    const embedder = await TransformersEmbedder.create(fakeExtractor(calls), { modelId: "m" });
    expect(embedder.dimensions).toBe(3);
    expect(calls).toEqual([["probe"]]);
  });

  test("splits into batches of similar length and returns vectors in the caller's order", async () => {
    const calls: string[][] = [];
    const embedder = await TransformersEmbedder.create(fakeExtractor(calls), { modelId: "m", batchSize: 2 });
    const texts = ["ccc", "a", "eeeee", "bb", "dddd"];
    const vectors = await embedder.embed(texts);
    expect(calls.slice(1)).toEqual([["a", "bb"], ["ccc", "dddd"], ["eeeee"]]);
    expect(vectors.map((vector) => vector[0])).toEqual([3, 1, 5, 2, 4]);
  });

  test("each vector owns its memory", async () => {
    const embedder = await TransformersEmbedder.create(fakeExtractor([]), { modelId: "m" });
    const [a, b] = await embedder.embed(["x", "yy"]);
    expect(a!.buffer).not.toBe(b!.buffer);
  });

  test("a model that does not give one vector per text is refused at creation", async () => {
    const tokens: FeatureExtractor = () => Promise.resolve({ data: new Float32Array(12), dims: [1, 4, 3] });
    await expect(TransformersEmbedder.create(tokens, { modelId: "m" })).rejects.toBeInstanceOf(EmbedderUnavailableError);
  });

  test("NaN in a vector is an error, not a silently poisoned index", async () => {
    const embedder = await TransformersEmbedder.create(
      fakeExtractor([], (text) => (text === "bad" ? [NaN, 0, 0] : [1, 0, 0])),
      { modelId: "m" },
    );
    await expect(embedder.embed(["good", "bad"])).rejects.toThrow(/invalid vector/);
  });
});
