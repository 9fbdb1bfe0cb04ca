import { serveEmbedder, type EmbedWorkerInit, type FromEmbedWorker, type ToEmbedWorker } from "../core/embed/remote-embedder";
import type { EmbedderLoad } from "../core/embed/embedder-load";
import { serveExtractor, type FromExtractWorker, type ToExtractWorker } from "../core/index/remote-extractor";
import type { MessageEndpoint } from "../core/index/worker-protocol";

// The project's TypeScript lib is DOM, not WebWorker: describe the little of the worker scope used.
export interface WorkerScope {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
  location: { href: string };
  /** True only in a cross-origin-isolated page: then SharedArrayBuffer, and so WASM threads, exist. */
  crossOriginIsolated?: boolean;
  navigator: { hardwareConcurrency?: number; gpu?: unknown };
}

export const scope = self as unknown as WorkerScope;

/** Serves this worker as an embedding worker, starting with its `embed-init` message. */
export function serveAsEmbedder(first: EmbedWorkerInit, load: (init: EmbedWorkerInit) => Promise<EmbedderLoad>): void {
  let deliver: ((message: ToEmbedWorker) => void) | null = null;
  const endpoint: MessageEndpoint<ToEmbedWorker, FromEmbedWorker> = {
    // Vectors are moved, not copied, back to the index worker.
    post: (message) => scope.postMessage(message, message.type === "response" && message.ok ? message.result.map((vector) => vector.buffer) : []),
    listen: (handler) => {
      deliver = handler;
      scope.onmessage = (event: MessageEvent<ToEmbedWorker>) => handler(event.data);
    },
  };
  serveEmbedder(endpoint, load);
  (deliver as ((message: ToEmbedWorker) => void) | null)?.(first);
}

/** Serves this worker as an extraction worker (its `extract-init` message said so): it parses notes it is sent. */
export function serveAsExtractor(): void {
  const endpoint: MessageEndpoint<ToExtractWorker, FromExtractWorker> = {
    post: (message) => scope.postMessage(message),
    listen: (handler) => {
      scope.onmessage = (event: MessageEvent<ToExtractWorker>) => handler(event.data);
    },
  };
  serveExtractor(endpoint);
}
