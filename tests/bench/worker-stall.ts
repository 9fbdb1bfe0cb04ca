import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout } from "node:timers";
import { Worker } from "node:worker_threads";
import { IndexClient } from "../../src/core/index/index-client";
import type { FromWorker, ToWorker } from "../../src/core/index/worker-protocol";
import { MemoryStorage, memorySource } from "./memory-source";
import { round } from "./measure";
import type { SyntheticNote } from "./synthetic-vault";

/**
 * Builds the index in a worker thread while the main thread serves it the notes, and reports the
 * longest delay of the main thread's event loop meanwhile (what typing would feel).
 */
export async function workerStall(
  workerFile: string,
  notes: SyntheticNote[],
): Promise<{ buildMs: number; maxStallMs: number; p99StallMs: number; idleMaxStallMs: number }> {
  // The same measurement with nothing to do: what the machine's other load alone costs.
  const idle = monitorEventLoopDelay({ resolution: 1 });
  idle.enable();
  await new Promise((resolve) => setTimeout(resolve, 2000));
  idle.disable();
  const worker = new Worker(workerFile);
  const client = new IndexClient(
    { post: (message: ToWorker) => worker.postMessage(message), listen: (handler: (m: FromWorker) => void) => void worker.on("message", handler) },
    memorySource(notes),
    new MemoryStorage(),
  );
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  try {
    histogram.enable();
    const start = performance.now();
    await client.open({ model: "bench:random", excludedFolders: [] });
    const buildMs = performance.now() - start;
    histogram.disable();
    return {
      buildMs: round(buildMs, 0),
      maxStallMs: round(histogram.max / 1e6),
      p99StallMs: round(histogram.percentile(99) / 1e6),
      idleMaxStallMs: round(idle.max / 1e6),
    };
  } finally {
    await worker.terminate();
  }
}
