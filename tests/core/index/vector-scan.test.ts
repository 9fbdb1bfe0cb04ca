import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { vectorArena } from "../../../src/core/index/vector-scan";
import { VectorStore } from "../../../src/core/index/vector-store";
import { seededRandom } from "../../support/seeded-random";

function randomVectors(count: number, dims: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  return Float32Array.from({ length: count * dims }, () => random() * 2 - 1);
}

describe("the vector scan", () => {
  it("runs in WebAssembly SIMD where it can (Node, as Chromium and Obsidian), in JavaScript when told not to", () => {
    expect(vectorArena(384, 16).simd).toBe(true);
    expect(vectorArena(384, 16, false).simd).toBe(false);
  });

  // Dimension counts below, at and past a multiple of four: the SIMD lanes and the rest loop.
  it.each([1, 3, 4, 6, 7, 384, 385])("scores %i-dimension vectors bit for bit as the JavaScript loop does", (dims) => {
    const count = 300;
    const vectors = randomVectors(count, dims, dims);
    const query = randomVectors(1, dims, dims + 1000);
    const simd = vectorArena(dims, 8);
    const script = vectorArena(dims, 8, false);
    // Grown past its first room in steps, as a store grows while indexing.
    for (const arena of [simd, script]) {
      for (let capacity = 16; capacity < count; capacity *= 2) arena.grow(capacity, 0);
      arena.grow(512, 0);
      arena.vectors.set(vectors);
    }
    const fast = Array.from(simd.scores(query, count));
    const plain = Array.from(script.scores(query, count));
    expect(fast).toEqual(plain);
    // And both are the dot products (to float rounding).
    for (const slot of [0, 1, count - 1]) {
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += vectors[slot * dims + d]! * query[d]!;
      expect(fast[slot]).toBeCloseTo(dot, 10);
    }
  });

  it("keeps every vector when it grows, and scores only the count asked for", () => {
    const dims = 384;
    const arena = vectorArena(dims, 4);
    const first = randomVectors(4, dims, 1);
    arena.vectors.set(first);
    arena.grow(5000, 4);
    expect(Array.from(arena.vectors.subarray(0, 4 * dims))).toEqual(Array.from(first));
    expect(arena.vectors.length).toBe(5000 * dims);
    expect(arena.scores(randomVectors(1, dims, 2), 3).length).toBe(3);
    expect(arena.scores(randomVectors(1, dims, 2), 0).length).toBe(0);
  });

  it("ranks as the JavaScript scan does after any adds and removes (a store's hits are equal either way)", () => {
    const dims = 6;
    const vector = fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: dims, maxLength: dims }).map((v) => Float32Array.from(v));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 40 }), vector), { maxLength: 150 }),
        vector,
        fc.integer({ min: 1, max: 12 }),
        (ops, query, k) => {
          const stores = [new VectorStore(dims, 2), new VectorStore(dims, 2, false)];
          for (const [add, owner, v] of ops) {
            for (const store of stores) {
              if (add && !store.has(owner)) store.add(owner, "", String(owner), v);
              else if (!add) store.remove(owner);
            }
          }
          const [simd, script] = stores.map((store) => store.topK(query, k, -2, new Set([0])));
          expect(simd).toEqual(script);
        },
      ),
    );
  });

  it("restores a saved store into the SIMD arena with the same ranking", () => {
    const dims = 384;
    const store = new VectorStore(dims, 16);
    const vectors = randomVectors(2000, dims, 5);
    for (let owner = 0; owner < 2000; owner++) store.add(owner, "", `h${owner}`, vectors.subarray(owner * dims, (owner + 1) * dims));
    const restored = VectorStore.fromSnapshot(dims, store.snapshot());
    const plain = VectorStore.fromSnapshot(dims, store.snapshot(), false);
    const query = randomVectors(1, dims, 6);
    const hits = store.topK(query, 10, -1);
    expect(hits).toHaveLength(10);
    expect(restored.topK(query, 10, -1)).toEqual(hits);
    expect(plain.topK(query, 10, -1)).toEqual(hits);
  });
});
