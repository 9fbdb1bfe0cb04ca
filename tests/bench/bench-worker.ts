import { parentPort } from "node:worker_threads";
import { nodeTimers } from "../../src/adapters/node/node-timers";
import { NO_MODEL } from "../../src/core/index/embedder-status";
import { serveIndex } from "../../src/core/index/worker-host";
import type { FromWorker, MessageEndpoint, ToWorker } from "../../src/core/index/worker-protocol";
import { RandomUnitEmbedder } from "./random-embedder";

/** The index worker of the benchmark: the real host code, with random unit vectors for a model. */
if (!parentPort) throw new Error("bench-worker must run in a worker_threads Worker");
const port = parentPort;
const endpoint: MessageEndpoint<ToWorker, FromWorker> = {
  post: (message) => port.postMessage(message),
  listen: (handler) => void port.on("message", handler),
};
serveIndex(endpoint, {
  timers: nodeTimers,
  loadEmbedder: (config) => Promise.resolve(config.model === "bench:random" ? { embedder: new RandomUnitEmbedder() } : NO_MODEL),
});
