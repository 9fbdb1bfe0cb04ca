import * as transformers from "@huggingface/transformers";
import { EmbedderPool } from "../core/embed/embedder-pool";
import type { Embedder } from "../core/embed/embedder";
import { RemoteEmbedder, serveEmbedder, type EmbedWorkerInit, type FromEmbedWorker, type ToEmbedWorker } from "../core/embed/remote-embedder";
import { loadEmbedderFromFiles } from "../core/embed/web-embedder";
import { NO_MODEL, type EmbedderStatus } from "../core/index/embedder-status";
import { serveIndex } from "../core/index/worker-host";
import type { FromWorker, MessageEndpoint, ToWorker, WorkerConfig } from "../core/index/worker-protocol";

/**
 * Entry of the index Web Worker in the plugin. It is bundled on its own (IIFE, with the web build
 * of transformers.js) and its code embedded as a string in main.js; create-index-worker.ts starts
 * it from a Blob URL, because a community plugin ships no separate worker file. The vault, the
 * saved index and the model's bytes all come from the main thread.
 *
 * The same script is also an embedding worker: the index worker starts more of itself from its own
 * Blob URL and sends them `embed-init` first, so a first index can use several cores (see
 * EmbedderPool). Which one a worker is, its first message says.
 */

// The project's TypeScript lib is DOM, not WebWorker: describe the little of the worker scope used.
interface WorkerScope {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
  location: { href: string };
}
const scope = self as unknown as WorkerScope;

function loadFromBytes(init: Omit<EmbedWorkerInit, "type">) {
  return loadEmbedderFromFiles(transformers, { modelId: init.modelId, files: init.files, wasmBinary: init.wasmBinary, dtype: init.dtype, batchSize: init.batchSize, threads: 1 });
}

/** Starts one more of this worker as an embedding worker; null when this platform cannot (nested workers). */
async function startEmbedWorker(init: EmbedWorkerInit): Promise<RemoteEmbedder | null> {
  let worker: Worker;
  try {
    worker = new Worker(scope.location.href, { name: "lifebetter-embed" });
  } catch {
    return null;
  }
  const endpoint: MessageEndpoint<FromEmbedWorker, ToEmbedWorker> = {
    post: (message) => worker.postMessage(message),
    listen: (handler) => {
      worker.onmessage = (event: MessageEvent<FromEmbedWorker>) => handler(event.data);
    },
  };
  const started = RemoteEmbedder.start(endpoint, init, () => worker.terminate());
  const failed = new Promise<null>((resolve) => (worker.onerror = () => resolve(null)));
  const remote = await Promise.race([started, failed]);
  if (remote instanceof RemoteEmbedder) {
    worker.onerror = (event) => remote.fail(`an embedding worker failed: ${event.message}`);
    return remote;
  }
  worker.terminate();
  return null;
}

/** The model in this worker, plus `embedWorkers - 1` embedding workers when asked for more. */
async function loadEmbedder(config: WorkerConfig): Promise<EmbedderStatus> {
  if (!config.model) return NO_MODEL;
  if (!config.modelFiles) {
    return { unavailable: { reason: `the model "${config.model}" is not downloaded yet`, fix: "Download it from LifeBetter's settings, or set a local model folder." } };
  }
  const { files, wasmBinary, threads } = config.modelFiles;
  const load = await loadEmbedderFromFiles(transformers, { modelId: config.model, files, wasmBinary, threads });
  if (!load.ok) return { unavailable: load.unavailable };
  const extra = Math.max(0, (config.embedWorkers ?? 1) - 1);
  if (extra === 0) return { embedder: load.embedder };
  const init: EmbedWorkerInit = { type: "embed-init", modelId: config.model, files, wasmBinary };
  const started = await Promise.all(Array.from({ length: extra }, () => startEmbedWorker(init)));
  // A helper whose model differs (it cannot, but a pool refuses to mix) or that failed is left out.
  const members: Embedder[] = [load.embedder, ...started.filter((remote): remote is RemoteEmbedder => remote !== null && remote.modelId === load.embedder.modelId)];
  return { embedder: members.length > 1 ? new EmbedderPool(members) : load.embedder };
}

function serveAsIndex(first: ToWorker): void {
  let deliver: ((message: ToWorker) => void) | null = null;
  const endpoint: MessageEndpoint<ToWorker, FromWorker> = {
    post: (message) => scope.postMessage(message),
    listen: (handler) => {
      deliver = handler;
      scope.onmessage = (event: MessageEvent<ToWorker>) => handler(event.data);
    },
  };
  serveIndex(endpoint, {
    timers: {
      setTimeout: (callback, ms) => scope.setTimeout(callback, ms),
      clearTimeout: (handle) => scope.clearTimeout(handle as number),
    },
    loadEmbedder,
  });
  (deliver as ((message: ToWorker) => void) | null)?.(first);
}

function serveAsEmbedder(first: EmbedWorkerInit): void {
  let deliver: ((message: ToEmbedWorker) => void) | null = null;
  const endpoint: MessageEndpoint<ToEmbedWorker, FromEmbedWorker> = {
    // Vectors are moved, not copied, back to the index worker.
    post: (message) => scope.postMessage(message, message.type === "response" && message.ok ? message.result.map((vector) => vector.buffer) : []),
    listen: (handler) => {
      deliver = handler;
      scope.onmessage = (event: MessageEvent<ToEmbedWorker>) => handler(event.data);
    },
  };
  serveEmbedder(endpoint, loadFromBytes);
  (deliver as ((message: ToEmbedWorker) => void) | null)?.(first);
}

scope.onmessage = (event: MessageEvent<ToWorker | EmbedWorkerInit>) => {
  const first = event.data;
  if ((first as { type?: string }).type === "embed-init") serveAsEmbedder(first as EmbedWorkerInit);
  else serveAsIndex(first as ToWorker);
};
