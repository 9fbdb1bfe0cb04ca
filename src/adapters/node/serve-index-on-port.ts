import { parentPort } from "node:worker_threads";
import { serveIndex, type WorkerEnvironment } from "../../core/index/worker-host";
import type { FromWorker, MessageEndpoint, ToWorker } from "../../core/index/worker-protocol";
import { nodeTimers } from "./node-timers";

/**
 * Serves the index from inside a worker_threads Worker: the same host code as the plugin's Web
 * Worker, over the parent port. Each Node worker entry only says how it loads its model.
 */
export function serveIndexOnParentPort(loadEmbedder: WorkerEnvironment["loadEmbedder"]): void {
  if (!parentPort) throw new Error("the index worker must run inside a worker_threads Worker");
  const port = parentPort;
  const endpoint: MessageEndpoint<ToWorker, FromWorker> = {
    post: (message) => port.postMessage(message),
    listen: (handler) => void port.on("message", handler),
  };
  serveIndex(endpoint, { timers: nodeTimers, loadEmbedder });
}
