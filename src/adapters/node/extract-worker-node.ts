import { parentPort } from "node:worker_threads";
import { serveExtractor, type FromExtractWorker, type ToExtractWorker } from "../../core/index/remote-extractor";

/**
 * An extraction worker in Node (worker_threads): parses notes for a large sync of the CLI's index
 * (bundled as dist/extract-worker.mjs next to dist/cli.js; see node-extractors.ts).
 */
if (!parentPort) throw new Error("the extraction worker must run inside a worker_threads Worker");
const port = parentPort;
serveExtractor({
  post: (message: FromExtractWorker) => port.postMessage(message),
  listen: (handler: (message: ToExtractWorker) => void) => void port.on("message", handler),
});
