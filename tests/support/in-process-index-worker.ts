import type { StartIndexWorker } from "../../src/adapters/obsidian/index-host";
import type { Embedder, EmbedderUnavailable } from "../../src/core/embed/embedder";
import { NO_MODEL } from "../../src/core/index/embedder-status";
import { IndexClient } from "../../src/core/index/index-client";
import { serveIndex } from "../../src/core/index/worker-host";
import type { FromWorker, MessageEndpoint, ToWorker, WorkerConfig } from "../../src/core/index/worker-protocol";

export interface InProcessWorkers {
  start: StartIndexWorker;
  /** How many workers were started, and how many stopped. */
  started: number;
  stopped: number;
  /** The config each worker's index was opened with. */
  configs: WorkerConfig[];
}

/**
 * The real worker host (core/index/worker-host) run in this process, behind a message pair that
 * structured-clones every message and delivers it on a later task, as postMessage does. Stands in
 * for the Web Worker, which happy-dom cannot run. `embedder` is used when the config names a model
 * (or says why that model does not load, as a damaged download would).
 */
export function inProcessWorkers(embedder?: (config: WorkerConfig) => Embedder | { unavailable: EmbedderUnavailable }): InProcessWorkers {
  const workers: InProcessWorkers = {
    started: 0,
    stopped: 0,
    configs: [],
    start: (source, storage, onProgress) => {
      workers.started++;
      let open = true;
      let toWorker: ((message: ToWorker) => void) | null = null;
      let toMain: ((message: FromWorker) => void) | null = null;
      // A stopped worker delivers nothing: an answer that settles after its test file has ended
      // (and happy-dom has taken `window` away) must not become an unhandled error.
      const deliver = <T>(message: T, handler: () => ((message: T) => void) | null): void => {
        if (!open || typeof window === "undefined") return;
        const copy = structuredClone(message);
        window.setTimeout(() => {
          if (open) handler()?.(copy);
        }, 0);
      };
      const workerSide: MessageEndpoint<ToWorker, FromWorker> = {
        post: (message) => deliver(message, () => toMain),
        listen: (handler) => void (toWorker = handler),
      };
      const mainSide: MessageEndpoint<FromWorker, ToWorker> = {
        post: (message) => deliver(message, () => toWorker),
        listen: (handler) => void (toMain = handler),
      };
      serveIndex(workerSide, {
        timers: {
          setTimeout: (callback, ms) => (open && typeof window !== "undefined" ? window.setTimeout(callback, ms) : 0),
          clearTimeout: (handle) => (typeof window !== "undefined" ? window.clearTimeout(handle as number) : undefined),
        },
        loadEmbedder: (config) => {
          workers.configs.push(config);
          if (!config.model || !embedder) return Promise.resolve(NO_MODEL);
          const loaded = embedder(config);
          return Promise.resolve("unavailable" in loaded ? loaded : { embedder: loaded });
        },
      });
      const client = new IndexClient(mainSide, source, storage, onProgress);
      return {
        client,
        stop: () => {
          open = false;
          workers.stopped++;
          client.close();
        },
      };
    },
  };
  return workers;
}
