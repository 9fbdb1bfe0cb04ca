import { embedQueries, type Embedder, type EmbedderUnavailable, type WorkerLoad } from "./embedder";
import type { EmbedderLoad } from "./embedder-load";
import type { WebEmbedderAssets } from "./web-embedder";
import { PendingCalls, errorText } from "../index/rpc";
import type { MessageEndpoint } from "../index/worker-protocol";

/** What an embedding worker is told once: the model as bytes, as the index worker itself gets it. */
export interface EmbedWorkerInit {
  type: "embed-init";
  modelId: string;
  files: Map<string, Uint8Array<ArrayBuffer>>;
  wasmBinary?: Uint8Array<ArrayBuffer>;
  dtype?: string;
  batchSize?: number;
  /** Where to run the model ("wasm" when absent); "webgpu" only in the worker built for it. */
  device?: "wasm" | "webgpu";
  /** WASM threads (1 unless the page is cross-origin isolated: wasmThreadsPerWorker). */
  threads?: number;
}

/** The model files and options an embedding worker loads from its init message (device left to the worker). */
export function assetsOf(init: Omit<EmbedWorkerInit, "type">): WebEmbedderAssets {
  return { modelId: init.modelId, files: init.files, wasmBinary: init.wasmBinary, dtype: init.dtype, batchSize: init.batchSize, threads: init.threads ?? 1 };
}

/** `queries`: embed as search queries (the model's query prefix), not as passages. */
export type ToEmbedWorker = EmbedWorkerInit | { type: "embed"; id: number; texts: string[]; queries?: boolean };

export type FromEmbedWorker =
  | { type: "embed-ready"; modelId: string; dimensions: number; device?: "webgpu" | "wasm"; deviceNote?: string }
  | { type: "embed-failed"; unavailable: EmbedderUnavailable }
  | { type: "response"; id: number; ok: true; result: Float32Array[]; load?: WorkerLoad }
  | { type: "response"; id: number; ok: false; error: string };

/**
 * An embedder in another worker, reached by messages. The index worker starts a few of these (a
 * pool) so that a first index uses more than one core.
 */
export class RemoteEmbedder implements Embedder {
  private readonly pending = new PendingCalls();

  readonly device?: "webgpu" | "wasm";
  readonly elsewhere = true;
  /** Why the worker runs on WASM although it was asked for WebGPU. */
  readonly deviceNote?: string;

  private constructor(
    private readonly endpoint: MessageEndpoint<FromEmbedWorker, ToEmbedWorker>,
    ready: Extract<FromEmbedWorker, { type: "embed-ready" }>,
    private readonly stop: () => void,
  ) {
    this.modelId = ready.modelId;
    this.dimensions = ready.dimensions;
    if (ready.device) this.device = ready.device;
    if (ready.deviceNote) this.deviceNote = ready.deviceNote;
  }

  readonly modelId: string;
  readonly dimensions: number;
  /** The worker's time computing and waiting so far (from its latest answer); null before one. */
  private load: WorkerLoad | null = null;

  /** Sends the model and waits until the worker has loaded it (or says why it could not). */
  static start(
    endpoint: MessageEndpoint<FromEmbedWorker, ToEmbedWorker>,
    init: EmbedWorkerInit,
    stop: () => void,
  ): Promise<RemoteEmbedder | { unavailable: EmbedderUnavailable }> {
    return new Promise((resolve) => {
      let remote: RemoteEmbedder | null = null;
      endpoint.listen((message) => {
        if (message.type === "response") {
          if (remote && message.ok && message.load) remote.load = message.load;
          remote?.pending.settle(message);
        } else if (message.type === "embed-failed") resolve({ unavailable: message.unavailable });
        else resolve((remote = new RemoteEmbedder(endpoint, message, stop)));
      });
      endpoint.post(init);
    });
  }

  embed(texts: string[]): Promise<Float32Array[]> {
    return this.call(texts, false);
  }

  embedQueries(texts: string[]): Promise<Float32Array[]> {
    return this.call(texts, true);
  }

  private call(texts: string[], queries: boolean): Promise<Float32Array[]> {
    const { id, done } = this.pending.start<Float32Array[]>();
    this.endpoint.post({ type: "embed", id, texts, ...(queries ? { queries } : {}) });
    return done;
  }

  workerLoad(): WorkerLoad[] {
    return this.load ? [this.load] : [];
  }

  /** Fails what is waiting (the worker died). */
  fail(reason: string): void {
    this.pending.failAll(reason);
  }

  dispose(): Promise<void> {
    this.pending.failAll("the embedding worker was stopped");
    this.stop();
    return Promise.resolve();
  }
}

/**
 * The embedding worker's side: loads the model from the first message, then answers `embed`
 * requests one at a time, in order (queries first: a search should not wait for a first index's
 * batches). The pool sends a worker its next batch before this one is done, so the worker never
 * waits for the index worker between batches; `load` in each answer says how busy it was.
 * `load` is the same loader the index worker uses.
 */
export function serveEmbedder(
  endpoint: MessageEndpoint<ToEmbedWorker, FromEmbedWorker>,
  load: (init: EmbedWorkerInit) => Promise<EmbedderLoad>,
  now: () => number = () => performance.now(),
): void {
  let embedder: Promise<Embedder | null> | null = null;
  const queue: Extract<ToEmbedWorker, { type: "embed" }>[] = [];
  const spent: WorkerLoad = { busyMs: 0, idleMs: 0 };
  // When the queue last ran dry (null before the first request and while working).
  let idleSince: number | null = null;
  let running = false;
  const drain = async (): Promise<void> => {
    running = true;
    for (let request = queue.shift(); request; request = queue.shift()) {
      const { id, texts, queries } = request;
      try {
        const model = await embedder;
        if (!model) throw new Error("the embedding worker has no model");
        const began = now();
        const result = queries ? await embedQueries(model, texts) : await model.embed(texts);
        spent.busyMs += now() - began;
        endpoint.post({ type: "response", id, ok: true, result, load: { ...spent } });
      } catch (error) {
        endpoint.post({ type: "response", id, ok: false, error: errorText(error) });
      }
    }
    running = false;
    idleSince = now();
  };
  endpoint.listen((message) => {
    if (message.type === "embed-init") {
      embedder = load(message).then((loaded) => {
        if (!loaded.ok) {
          endpoint.post({ type: "embed-failed", unavailable: loaded.unavailable });
          return null;
        }
        const device = loaded.embedder.device === "webgpu" || loaded.embedder.device === "wasm" ? loaded.embedder.device : undefined;
        endpoint.post({
          type: "embed-ready",
          modelId: loaded.embedder.modelId,
          dimensions: loaded.embedder.dimensions,
          ...(device ? { device } : {}),
          ...(loaded.deviceNote ? { deviceNote: loaded.deviceNote } : {}),
        });
        return loaded.embedder;
      });
      return;
    }
    if (message.queries) queue.unshift(message);
    else queue.push(message);
    if (idleSince !== null) spent.idleMs += now() - idleSince;
    idleSince = null;
    if (!running) void drain();
  });
}
