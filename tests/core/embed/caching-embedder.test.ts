import { describe, expect, test } from "vitest";
import { CachingEmbedder } from "../../../src/core/embed/caching-embedder";
import { EmbeddingCache } from "../../../src/core/embed/embedding-cache";
import { loadEmbeddingCache, saveEmbeddingCache } from "../../../src/core/embed/embedding-cache-store";
import { CountingEmbedder } from "../../support/counting-embedder";
import { MemoryBinaryFile } from "../../support/memory-binary-file";

function setup(): { model: CountingEmbedder; embedder: CachingEmbedder } {
  const model = new CountingEmbedder();
  return { model, embedder: new CachingEmbedder(model, new EmbeddingCache(model.modelId, model.dimensions)) };
}

describe("CachingEmbedder", () => {
  test("says how many word pieces its model reads, so the CLI's passages fit the model", () => {
    const short = Object.assign(new CountingEmbedder(), { maxTokens: 128 });
    expect(new CachingEmbedder(short, new EmbeddingCache(short.modelId, short.dimensions)).maxTokens).toBe(128);
    expect(setup().embedder.maxTokens).toBeUndefined();
  });

  test("returns the model's vectors, in order", async () => {
    const { model, embedder } = setup();
    const texts = ["alpha", "beta", "gamma"];
    expect(await embedder.embed(texts)).toEqual(await model.embed(texts));
  });

  test("embeds a text once, however often and in whatever order it is asked for", async () => {
    const { model, embedder } = setup();
    const first = await embedder.embed(["a note", "another note", "a note"]);
    expect(model.embeddedTexts).toEqual(["a note", "another note"]);
    expect(first[0]).toEqual(first[2]);
    const second = await embedder.embed(["another note", "a note", "a third note"]);
    expect(model.embeddedTexts).toEqual(["a note", "another note", "a third note"]);
    expect(second[0]).toEqual(first[1]);
    expect(embedder.stats).toEqual({ computed: 3, reused: 3 });
  });

  test("concurrent calls for the same new text share one model call", async () => {
    const { model, embedder } = setup();
    const [a, b] = await Promise.all([embedder.embed(["shared", "only a"]), embedder.embed(["shared", "only b"])]);
    expect(model.embeddedTexts.filter((text) => text === "shared")).toHaveLength(1);
    expect(a[0]).toEqual(b[0]);
    expect(embedder.stats.computed).toBe(3);
  });

  test("after a restart (cache saved and loaded) nothing is embedded again", async () => {
    const file = new MemoryBinaryFile();
    const { embedder } = setup();
    const texts = Array.from({ length: 50 }, (_, i) => `chunk ${i} of some note`);
    const before = await embedder.embed(texts);
    await saveEmbeddingCache(file, embedder.cache);

    const model = new CountingEmbedder();
    const loaded = await loadEmbeddingCache(file, model.modelId, model.dimensions);
    expect(loaded.status).toBe("loaded");
    const restarted = new CachingEmbedder(model, loaded.cache);
    // A rename or move changes no text, and the order of notes does not matter.
    const after = await restarted.embed([...texts].reverse());
    expect(model.calls).toEqual([]);
    expect(after.reverse()).toEqual(before);
    expect(restarted.stats).toEqual({ computed: 0, reused: 50 });
  });

  test("an edited chunk is the only one embedded again", async () => {
    const { model, embedder } = setup();
    await embedder.embed(["# Intro\nhello", "# Methods\nold text"]);
    await embedder.embed(["# Intro\nhello", "# Methods\nnew text"]);
    expect(model.calls).toEqual([["# Intro\nhello", "# Methods\nold text"], ["# Methods\nnew text"]]);
  });

  test("retain drops the vectors of texts that are gone", async () => {
    const { embedder } = setup();
    await embedder.embed(["kept", "gone"]);
    const keep = new Set(await embedder.keys(["kept"]));
    expect(embedder.cache.retain(keep)).toBe(1);
    expect(embedder.cache.size).toBe(1);
    expect(embedder.cache.has([...keep][0]!)).toBe(true);
  });

  test("refuses a cache made for another model or size", () => {
    const model = new CountingEmbedder();
    expect(() => new CachingEmbedder(model, new EmbeddingCache("other#q8", model.dimensions))).toThrow(/cache is for other/);
    expect(() => new CachingEmbedder(model, new EmbeddingCache(model.modelId, 384))).toThrow();
  });

  test("a failed model call leaves nothing cached and can be retried", async () => {
    const model = new CountingEmbedder();
    let fail = true;
    const flaky = {
      modelId: model.modelId,
      dimensions: model.dimensions,
      embed: (texts: string[]) => (fail ? Promise.reject(new Error("boom")) : model.embed(texts)),
    };
    const embedder = new CachingEmbedder(flaky, new EmbeddingCache(model.modelId, model.dimensions));
    await expect(embedder.embed(["x"])).rejects.toThrow("boom");
    expect(embedder.cache.size).toBe(0);
    fail = false;
    await embedder.embed(["x"]);
    expect(model.embeddedTexts).toEqual(["x"]);
  });
});
