import { parentPort } from "node:worker_threads";
import { NO_MODEL } from "../../core/index/embedder-status";
import { serveIndex } from "../../core/index/worker-host";
import type { FromWorker, MessageEndpoint, ToWorker } from "../../core/index/worker-protocol";
import { loadNodeEmbedder } from "./node-embedder";
import { nodeTimers } from "./node-timers";

/**
 * The index worker in Node (worker_threads): the same host code as the plugin's Web Worker, for
 * tests and the benchmark. Models are only loaded from folders or the cache, never downloaded.
 */
if (!parentPort) throw new Error("index-worker-node must run inside a worker_threads Worker");
const port = parentPort;
const endpoint: MessageEndpoint<ToWorker, FromWorker> = {
  post: (message) => port.postMessage(message),
  listen: (handler) => void port.on("message", handler),
};
serveIndex(endpoint, {
  timers: nodeTimers,
  loadEmbedder: async (config) => {
    if (!config.model) return NO_MODEL;
    const load = await loadNodeEmbedder({ model: config.model, allowDownload: false });
    return load.ok ? { embedder: load.embedder } : { unavailable: load.unavailable };
  },
});
