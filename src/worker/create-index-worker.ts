import { IndexClient } from "../core/index/index-client";
import type { NoteSource } from "../core/index/index-types";
import type { IndexStorage } from "../core/index/persistence";
import type { FromWorker, MessageEndpoint, ToWorker } from "../core/index/worker-protocol";

/**
 * Starts the index worker from its bundled source (a string in main.js) through a Blob URL, and
 * returns the client the views call plus a stop function. The Blob URL is revoked once the worker
 * is stopped.
 */
export function createIndexWorker(
  workerSource: string,
  vault: NoteSource,
  storage: IndexStorage,
  onProgress?: (done: number, total: number) => void,
): { client: IndexClient; stop: () => void } {
  const url = URL.createObjectURL(new Blob([workerSource], { type: "text/javascript" }));
  const worker = new Worker(url, { name: "lifebetter-index" });
  // Kept until stop: the index worker starts its embedding workers from this same URL.
  const endpoint: MessageEndpoint<FromWorker, ToWorker> = {
    post: (message) => worker.postMessage(message),
    listen: (handler) => {
      worker.onmessage = (event: MessageEvent<FromWorker>) => handler(event.data);
    },
  };
  const client = new IndexClient(endpoint, vault, storage, onProgress);
  worker.onerror = (event) => client.close(`the index worker failed: ${event.message}`);
  return {
    client,
    stop: () => {
      worker.terminate();
      URL.revokeObjectURL(url);
      client.close();
    },
  };
}
