import { performance } from "node:perf_hooks";

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

// Defined by node --expose-gc (tests/bench/run.mjs passes it).
declare const gc: (() => void) | undefined;

/** Heap in use after a full collection, in MiB. */
export function heapMiB(): number {
  if (typeof gc === "function") gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

export const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;
