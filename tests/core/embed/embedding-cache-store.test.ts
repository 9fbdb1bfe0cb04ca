import { describe, expect, test } from "vitest";
import { EmbeddingCache } from "../../../src/core/embed/embedding-cache";
import { loadEmbeddingCache, saveEmbeddingCache } from "../../../src/core/embed/embedding-cache-store";
import { digestKey, sha256Texts } from "../../../src/core/embed/text-hash";
import { MemoryBinaryFile } from "../../support/memory-binary-file";

const MODEL = "m#q8#mean-normalized";

async function filledCache(): Promise<EmbeddingCache> {
  const cache = new EmbeddingCache(MODEL, 4);
  const [key] = (await sha256Texts(["hello"])).map(digestKey);
  cache.set(key!, new Float32Array([1, 0, 0, 0]));
  return cache;
}

describe("embedding cache store", () => {
  test("no file: a new, empty cache", async () => {
    const loaded = await loadEmbeddingCache(new MemoryBinaryFile(), MODEL, 4);
    expect(loaded.status).toBe("new");
    expect(loaded.cache.size).toBe(0);
  });

  test("saves only when something changed", async () => {
    const file = new MemoryBinaryFile();
    const cache = await filledCache();
    expect(await saveEmbeddingCache(file, cache)).toBe(true);
    expect(await saveEmbeddingCache(file, cache)).toBe(false);
    const loaded = await loadEmbeddingCache(file, MODEL, 4);
    expect(await saveEmbeddingCache(file, loaded.cache)).toBe(false);
    expect(file.writes).toBe(1);
  });

  test("a damaged file is discarded with a reason and replaced at the next save", async () => {
    const file = new MemoryBinaryFile();
    await saveEmbeddingCache(file, await filledCache());
    file.bytes = file.bytes!.slice(0, file.bytes!.length - 10);
    const loaded = await loadEmbeddingCache(file, MODEL, 4);
    expect(loaded.status).toBe("discarded");
    expect(loaded.problem).toMatch(/checksum|short/);
    expect(loaded.cache.size).toBe(0);
    expect(await saveEmbeddingCache(file, loaded.cache)).toBe(true);
    expect((await loadEmbeddingCache(file, MODEL, 4)).status).toBe("loaded");
  });

  test("a cache of another model is discarded, not mixed in", async () => {
    const file = new MemoryBinaryFile();
    await saveEmbeddingCache(file, await filledCache());
    const loaded = await loadEmbeddingCache(file, "other#q8#mean-normalized", 4);
    expect(loaded).toMatchObject({ status: "discarded", problem: expect.stringContaining("another model") as unknown });
  });

  test("a file that cannot be read is discarded", async () => {
    const broken = { read: () => Promise.reject(new Error("EIO")), writeAtomic: () => Promise.resolve() };
    const loaded = await loadEmbeddingCache(broken, MODEL, 4);
    expect(loaded.status).toBe("discarded");
    expect(loaded.problem).toContain("EIO");
  });
});
