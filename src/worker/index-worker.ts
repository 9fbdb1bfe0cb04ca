import * as transformers from "@huggingface/transformers";
import { loadEmbedderFromFiles } from "../core/embed/web-embedder";
import { NO_MODEL } from "../core/index/embedder-status";
import { serveIndex } from "../core/index/worker-host";
import type { FromWorker, MessageEndpoint, ToWorker, WorkerConfig } from "../core/index/worker-protocol";

/**
 * Entry of the index Web Worker in the plugin. It is bundled on its own (IIFE, with the web build
 * of transformers.js) and its code embedded as a string in main.js; create-index-worker.ts starts
 * it from a Blob URL, because a community plugin ships no separate worker file. The vault, the
 * saved index and the model's bytes all come from the main thread.
 */

// The project's TypeScript lib is DOM, not WebWorker: describe the little of the worker scope used.
interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
}
const scope = self as unknown as WorkerScope;

const endpoint: MessageEndpoint<ToWorker, FromWorker> = {
  post: (message) => scope.postMessage(message),
  listen: (handler) => {
    scope.onmessage = (event) => handler(event.data);
  },
};

async function loadEmbedder(config: WorkerConfig) {
  if (!config.model) return NO_MODEL;
  if (!config.modelFiles) {
    return { unavailable: { reason: `the model "${config.model}" is not downloaded yet`, fix: "Download it from LifeBetter's settings, or set a local model folder." } };
  }
  const load = await loadEmbedderFromFiles(transformers, { modelId: config.model, ...config.modelFiles });
  return load.ok ? { embedder: load.embedder } : { unavailable: load.unavailable };
}

serveIndex(endpoint, {
  timers: {
    setTimeout: (callback, ms) => scope.setTimeout(callback, ms),
    clearTimeout: (handle) => scope.clearTimeout(handle as number),
  },
  loadEmbedder,
});
