import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { EmbeddingCache } from "../../../src/core/embed/embedding-cache";
import { decodeEmbeddingCache, encodeEmbeddingCache } from "../../../src/core/embed/embedding-cache-codec";
import { digestKey, sha256Texts } from "../../../src/core/embed/text-hash";

const MODEL = "test/model#q8#mean-normalized";

/** A cache of `count` random vectors keyed by the SHA-256 of "text i". */
async function randomCache(count: number, dimensions: number, random: () => number = Math.random): Promise<EmbeddingCache> {
  const cache = new EmbeddingCache(MODEL, dimensions);
  const keys = (await sha256Texts(Array.from({ length: count }, (_, i) => `text ${i}`))).map(digestKey);
  const block = new Float32Array(count * dimensions);
  for (let i = 0; i < block.length; i++) block[i] = random() * 2 - 1;
  keys.forEach((key, i) => cache.set(key, block.subarray(i * dimensions, (i + 1) * dimensions)));
  return cache;
}

/** Same keys and bit-identical vectors (a plain loop: expect() per vector is slow at 50k). */
function expectSameEntries(actual: EmbeddingCache, expected: EmbeddingCache): void {
  expect(actual.size).toBe(expected.size);
  const differing: string[] = [];
  for (const [key, vector] of expected.entries()) {
    const other = actual.get(key);
    if (!other || other.length !== vector.length || vector.some((value, i) => !Object.is(value, other[i]))) differing.push(key);
  }
  expect(differing).toEqual([]);
}

describe("embedding cache codec", () => {
  test("round-trips keys and vectors exactly, for any count and dimensions", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 50 }), fc.integer(), async (count, dimensions, seed) => {
        const random = fc.sample(fc.float({ noNaN: true, noDefaultInfinity: true }), { numRuns: count * dimensions + 1, seed });
        let next = 0;
        const cache = await randomCache(count, dimensions, () => (random[next++] ?? 0) / 1e30);
        const decoded = await decodeEmbeddingCache(await encodeEmbeddingCache(cache), MODEL, dimensions);
        expect(decoded.ok).toBe(true);
        if (decoded.ok) expectSameEntries(decoded.cache, cache);
      }),
      { numRuns: 60 },
    );
  });

  test("a decoded cache is clean and its vectors are usable on their own", async () => {
    const cache = await randomCache(5, 8);
    const decoded = await decodeEmbeddingCache(await encodeEmbeddingCache(cache), MODEL, 8);
    if (!decoded.ok) throw new Error(decoded.problem);
    expect(decoded.cache.dirty).toBe(false);
    const [key, vector] = [...decoded.cache.entries()][2]!;
    expect(vector.length).toBe(8);
    expect(vector).toEqual(cache.get(key));
  });

  test("rejects every truncation", async () => {
    const bytes = await encodeEmbeddingCache(await randomCache(20, 16));
    const lengths = new Set([0, 1, 7, 8, 23, 24, bytes.length - 33, bytes.length - 32, bytes.length - 1]);
    for (let trial = 0; trial < 200; trial++) lengths.add(Math.floor(Math.random() * bytes.length));
    for (const length of lengths) {
      const decoded = await decodeEmbeddingCache(bytes.slice(0, length), MODEL, 16);
      expect(decoded.ok, `truncated to ${length} of ${bytes.length} bytes`).toBe(false);
    }
  });

  test("rejects a single flipped bit at any offset (header, keys, vectors, checksum)", async () => {
    const bytes = await encodeEmbeddingCache(await randomCache(20, 16));
    for (let trial = 0; trial < 500; trial++) {
      const offset = Math.floor(Math.random() * bytes.length);
      const bit = 1 << Math.floor(Math.random() * 8);
      const damaged = bytes.slice();
      damaged[offset]! ^= bit;
      const decoded = await decodeEmbeddingCache(damaged, MODEL, 16);
      expect(decoded.ok, `bit ${bit} flipped at offset ${offset}`).toBe(false);
    }
  });

  test("rejects appended bytes, another model, other dimensions and non-cache files", async () => {
    const bytes = await encodeEmbeddingCache(await randomCache(3, 4));
    const longer = new Uint8Array(bytes.length + 4);
    longer.set(bytes);
    expect((await decodeEmbeddingCache(longer, MODEL, 4)).ok).toBe(false);
    const other = await decodeEmbeddingCache(bytes, "other/model#q8#mean-normalized", 4);
    expect(other).toEqual({ ok: false, problem: expect.stringContaining("another model") as unknown });
    const dims = await decodeEmbeddingCache(bytes, MODEL, 384);
    expect(dims).toEqual({ ok: false, problem: expect.stringContaining("4-dimensional") as unknown });
    const text = new TextEncoder().encode("x".repeat(100));
    expect((await decodeEmbeddingCache(new Uint8Array(text), MODEL, 4)).ok).toBe(false);
  });

  // Speed is the benchmark's business (src/core/embed/README.md gives the numbers); this checks that a
  // vault-sized cache round-trips whole.
  test("a 50k × 384 cache round-trips every key and vector", async () => {
    const cache = await randomCache(50_000, 384);
    const bytes = await encodeEmbeddingCache(cache);
    const decoded = await decodeEmbeddingCache(bytes, MODEL, 384);
    if (!decoded.ok) throw new Error(decoded.problem);
    expectSameEntries(decoded.cache, cache);
    expect(bytes.length).toBe(24 + 32 + 50_000 * (32 + 384 * 4) + 32);
  });
});
