import { createIndexWorker } from "../../worker/create-index-worker";
import type { StartIndexWorker } from "./index-host";

// The worker's bundled code, put in by esbuild's `define` (esbuild.config.mjs); absent in tests.
declare const LIFEBETTER_INDEX_WORKER: string | undefined;

/** Starts the worker bundled into main.js, or null when this build has none (tests run on the mock). */
export function bundledWorkerStarter(): StartIndexWorker | null {
  if (typeof LIFEBETTER_INDEX_WORKER !== "string") return null;
  const source = LIFEBETTER_INDEX_WORKER;
  return (vault, storage, onProgress) => createIndexWorker(source, vault, storage, onProgress);
}
