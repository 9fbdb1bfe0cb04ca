import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VectorStore } from "../../../src/core/index/vector-store";

function unit(values: number[]): Float32Array {
  const norm = Math.hypot(...values) || 1;
  return Float32Array.from(values, (v) => v / norm);
}

/** The plain definition: score every live vector, sort, take k. */
function bruteForce(vectors: Map<number, Float32Array>, query: Float32Array, k: number, min: number): { owner: number; score: number }[] {
  return [...vectors]
    .map(([owner, v]) => ({ owner, score: v.reduce((s, x, d) => s + x * query[d]!, 0) }))
    .filter((hit) => hit.score >= min)
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
}

const DIMS = 7; // not a multiple of 4: the unrolled loop's remainder is exercised
const vectorArb = fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: DIMS, maxLength: DIMS }).map(unit);

describe("VectorStore", () => {
  it("top-k equals a brute-force scan after any adds and removes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 30 }), vectorArb), { maxLength: 120 }),
        vectorArb,
        fc.integer({ min: 1, max: 12 }),
        (ops, query, k) => {
          const store = new VectorStore(DIMS, 4);
          const model = new Map<number, Float32Array>();
          for (const [add, owner, vector] of ops) {
            if (add && !model.has(owner)) {
              store.add(owner, "", String(owner), vector);
              model.set(owner, vector);
            } else if (!add) {
              store.remove(owner);
              model.delete(owner);
            }
          }
          expect(store.size).toBe(model.size);
          const got = store.topK(query, k, -1).map((h) => ({ owner: h.owner, score: h.score }));
          const want = bruteForce(model, query, k, -1);
          expect(got.map((h) => h.score)).toEqual(want.map((h) => expect.closeTo(h.score, 5) as unknown));
          for (const hit of got) expect(store.entriesOf(hit.owner)[0]?.vector).toEqual(model.get(hit.owner));
        },
      ),
    );
  });

  it("skips owners it is told to and respects the minimum score", () => {
    const store = new VectorStore(2);
    store.add(1, "", "a", unit([1, 0]));
    store.add(2, "", "b", unit([1, 1]));
    store.add(3, "", "c", unit([0, 1]));
    expect(store.topK(unit([1, 0]), 5, 0.5).map((h) => h.owner)).toEqual([1, 2]);
    expect(store.topK(unit([1, 0]), 5, 0.5, new Set([1])).map((h) => h.owner)).toEqual([2]);
  });

  it("survives a snapshot round trip with several vectors per owner", () => {
    const store = new VectorStore(2);
    store.add(1, "", "a", unit([1, 0]));
    store.add(1, "Methods", "b", unit([0, 1]));
    store.add(2, "", "c", unit([1, 1]));
    store.remove(1);
    store.add(3, "Results", "d", unit([-1, 0]));
    const copy = VectorStore.fromSnapshot(2, store.snapshot());
    expect(copy.entriesOf(3).map((e) => e.key)).toEqual(["Results"]);
    expect(copy.topK(unit([-1, 0]), 1, -1)[0]?.owner).toBe(3);
    expect(copy.size).toBe(2);
  });

  it("finds a stored vector by its text hash through removals that move other vectors, and after a restore", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 8 }), { maxLength: 6 }),
        (adds, removals) => {
          const store = new VectorStore(3, 2);
          const live = new Map<number, Set<number>>(); // owner → hash numbers
          for (const [owner, h] of adds) {
            store.add(owner, "", `h${h}`, unit([h + 1, 1, 0]));
            (live.get(owner) ?? live.set(owner, new Set()).get(owner)!).add(h);
          }
          for (const owner of removals) {
            store.remove(owner);
            live.delete(owner);
          }
          const restored = VectorStore.fromSnapshot(3, store.snapshot());
          for (let h = 0; h <= 5; h++) {
            const held = [...live.values()].some((hashes) => hashes.has(h));
            for (const s of [store, restored]) {
              const found = s.vectorOfHash(`h${h}`);
              // Never a wrong vector; a hash whose first holder left may be forgotten (a missed reuse, not an error).
              if (found) expect(Array.from(found)).toEqual(Array.from(unit([h + 1, 1, 0])));
              if (!held) expect(found).toBeUndefined();
            }
          }
        },
      ),
    );
  });
});
