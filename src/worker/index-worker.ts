import { serveIndex } from "../core/index/worker-host";
import type { FromWorker, MessageEndpoint, ToWorker } from "../core/index/worker-protocol";
import { loadWebEmbedder } from "./web-embedder";

/**
 * Entry of the index Web Worker in the plugin. It is bundled on its own (IIFE) and its code
 * embedded as a string in main.js; create-index-worker.ts starts it from a Blob URL, because a
 * community plugin ships no separate worker file. The vault is reached through the main thread.
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

serveIndex(endpoint, {
  timers: {
    setTimeout: (callback, ms) => scope.setTimeout(callback, ms),
    clearTimeout: (handle) => scope.clearTimeout(handle as number),
  },
  loadEmbedder: loadWebEmbedder,
});
