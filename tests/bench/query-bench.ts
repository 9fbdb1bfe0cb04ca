import type { MemoryIndex } from "../../src/core/index/memory-index";
import { exactTopK } from "./exact-scan";
import { percentile, round, timed } from "./measure";
import { seededRandom as seeded } from "../support/seeded-random";

export interface QueryNumbers {
  similarP50: number;
  similarP95: number;
  scanP50: number;
  scanP95: number;
  similarRatio: number;
  /** The index's own vector scan (SIMD where it runs) alone, against the plain scan. */
  storeScanRatio: number;
  recallAt10: number;
  hybridP50: number;
  hybridP95: number;
  hybridRatio: number;
}

const ROUNDS = 200;

/**
 * Similar-notes and hybrid queries against the exact scan, measured in the same run on the same
 * query vectors. The scan runs over a plain copy of the note vectors (one contiguous Float32Array), in
 * JavaScript; the index's own scan (WebAssembly SIMD where it runs) is timed alone too, so what a query
 * adds to its scan shows.
 */
export async function benchQueries(memory: MemoryIndex, words: readonly string[]): Promise<QueryNumbers> {
  const index = memory.index;
  const store = index.noteVectors;
  if (!store || !index.embedder) throw new Error("query bench needs vectors");
  const snap = store.snapshot();
  const dims = store.dimensions;
  const pathOfSlot = Array.from(snap.owners, (owner) => index.byNo.get(owner)!.record.path);
  const slotOfPath = new Map(pathOfSlot.map((path, slot) => [path, slot]));
  const random = seeded(99);
  const picks = Array.from({ length: ROUNDS }, () => pathOfSlot[Math.floor(random() * pathOfSlot.length)]!);

  // Warm up both sides (JIT) before measuring.
  for (const path of picks.slice(0, 20)) {
    await memory.findSimilar(path, { limit: 10, minScore: -1 });
    exactTopK(snap.vectors, dims, snap.vectors.subarray(0, dims), 10);
  }
  const similar: number[] = [];
  const scan: number[] = [];
  const storeScan: number[] = [];
  let recalled = 0;
  let expected = 0;
  for (const path of picks) {
    const slot = slotOfPath.get(path)!;
    const query = snap.vectors.slice(slot * dims, (slot + 1) * dims);
    const mine = await timed(() => memory.findSimilar(path, { limit: 10, minScore: -1 }));
    const exact = await timed(() => exactTopK(snap.vectors, dims, query, 10, slot));
    const own = await timed(() => store.topK(query, 10, -1, new Set([snap.owners[slot]!])));
    similar.push(mine.ms);
    scan.push(exact.ms);
    storeScan.push(own.ms);
    const truth = new Set(exact.value.map((s) => pathOfSlot[s]));
    expected += truth.size;
    recalled += mine.value.filter((r) => truth.has(r.path)).length;
  }

  const hybrid: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const query = `${words[50 + Math.floor(random() * 2000)]} ${words[50 + Math.floor(random() * 2000)]}`;
    hybrid.push((await timed(() => memory.searchByMeaning(query, { limit: 10 }))).ms);
  }
  const scanP50 = percentile(scan, 50);
  return {
    similarP50: round(percentile(similar, 50)),
    similarP95: round(percentile(similar, 95)),
    scanP50: round(scanP50),
    scanP95: round(percentile(scan, 95)),
    similarRatio: round(percentile(similar, 50) / scanP50),
    storeScanRatio: round(percentile(storeScan, 50) / scanP50),
    recallAt10: round(recalled / expected, 4),
    hybridP50: round(percentile(hybrid, 50)),
    hybridP95: round(percentile(hybrid, 95)),
    hybridRatio: round(percentile(hybrid, 50) / scanP50),
  };
}
