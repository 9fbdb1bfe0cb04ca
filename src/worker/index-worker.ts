import * as transformers from "@huggingface/transformers";
import { EmbedderPool, wasmThreadsPerWorker } from "../core/embed/embedder-pool";
import { RemoteEmbedder, assetsOf, type EmbedWorkerInit, type FromEmbedWorker, type ToEmbedWorker } from "../core/embed/remote-embedder";
import { loadEmbedderFromFiles } from "../core/embed/web-embedder";
import { NO_MODEL, type EmbedderStatus } from "../core/index/embedder-status";
import { ExtractorPool, inlineExtractor, type NoteExtractor } from "../core/index/note-extractor";
import { RemoteExtractor, type ExtractWorkerInit, type FromExtractWorker, type ToExtractWorker } from "../core/index/remote-extractor";
import { serveIndex } from "../core/index/worker-host";
import type { FromWorker, MessageEndpoint, ToWorker, WorkerConfig } from "../core/index/worker-protocol";
import { scope, serveAsEmbedder, serveAsExtractor } from "./worker-scope";

/**
 * Entry of the index Web Worker in the plugin. It is bundled on its own (IIFE, with the web build
 * of transformers.js) and its code embedded as a string in main.js; create-index-worker.ts starts
 * it from a Blob URL, because a community plugin ships no separate worker file. The vault, the
 * saved index and the model's bytes all come from the main thread.
 *
 * The same script is also an embedding worker: the index worker starts more of itself from its own
 * Blob URL and sends them `embed-init` first, so a first index can use several cores (see
 * EmbedderPool), and an extraction worker (`extract-init`: it parses notes for a first index, see
 * ExtractorPool). Which one a worker is, its first message says. When WebGPU was chosen, it starts
 * the GPU embedding worker (gpu-embed-worker.ts, bundled into this one as a string) instead.
 */

// The GPU embedding worker's bundled code, put in by esbuild's `define`; absent in Node tests.
declare const LIFEBETTER_GPU_WORKER: string | undefined;

function loadFromBytes(init: Omit<EmbedWorkerInit, "type">) {
  return loadEmbedderFromFiles(transformers, assetsOf(init));
}

/** Starts an embedding worker from `url` (this script, or the GPU worker); null when this platform cannot. */
async function startEmbedWorker(url: string, init: EmbedWorkerInit): Promise<RemoteEmbedder | { failed: string }> {
  let worker: Worker;
  try {
    worker = new Worker(url, { name: "lifebetter-embed" });
  } catch (error) {
    return { failed: `no embedding worker could start (${error instanceof Error ? error.message : String(error)})` };
  }
  const endpoint: MessageEndpoint<FromEmbedWorker, ToEmbedWorker> = {
    post: (message) => worker.postMessage(message),
    listen: (handler) => {
      worker.onmessage = (event: MessageEvent<FromEmbedWorker>) => handler(event.data);
    },
  };
  const started = RemoteEmbedder.start(endpoint, init, () => worker.terminate());
  const failed = new Promise<{ failed: string }>(
    (resolve) => (worker.onerror = (event) => resolve({ failed: `the embedding worker failed (${event.message})` })),
  );
  const remote = await Promise.race([started, failed]);
  if (remote instanceof RemoteEmbedder) {
    worker.onerror = (event) => remote.fail(`an embedding worker failed: ${event.message}`);
    return remote;
  }
  worker.terminate();
  return "failed" in remote ? remote : { failed: remote.unavailable.reason };
}

/**
 * The GPU embedding worker, when WebGPU was chosen and this build has it; else why not (the WASM
 * pool then embeds). A GPU worker that had to fall back to WASM is stopped: the pool is faster.
 */
async function startGpuEmbedder(config: WorkerConfig): Promise<RemoteEmbedder | { failed: string }> {
  const gpuWasm = config.modelFiles?.gpuWasmBinary;
  if (typeof LIFEBETTER_GPU_WORKER !== "string") return { failed: "this build has no WebGPU worker" };
  if (!config.model || !config.modelFiles || !gpuWasm) return { failed: "the WebGPU runtime was not given to the worker" };
  const url = URL.createObjectURL(new Blob([LIFEBETTER_GPU_WORKER], { type: "text/javascript" }));
  try {
    const started = await startEmbedWorker(url, {
      type: "embed-init",
      modelId: config.model,
      files: config.modelFiles.files,
      wasmBinary: gpuWasm,
      device: "webgpu",
    });
    if (!(started instanceof RemoteEmbedder) || started.device === "webgpu") return started;
    await started.dispose();
    return { failed: started.deviceNote ?? "the model did not run on WebGPU" };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The model: on WebGPU when chosen and it works; else on WASM, each worker with its share of
 * threads when the page is cross-origin isolated: `embedWorkers` embedding workers (a pool, even
 * of one) and none in this one, which only hands out the work: while this thread computes a piece
 * it cannot give the next piece to a worker that has finished, so a member here left the others
 * idle (measured: 2 workers gave 1.38× one), and queries waited behind its model calls. On a phone
 * (`embedHere`) one model runs in this worker; so it does where nested workers cannot start.
 */
async function loadEmbedder(config: WorkerConfig): Promise<EmbedderStatus> {
  if (!config.model) return NO_MODEL;
  if (!config.modelFiles) {
    return {
      unavailable: { reason: `the model "${config.model}" is not downloaded yet`, fix: "Download it from LifeBetter's settings, or set a local model folder." },
    };
  }
  let deviceNote = config.deviceNote;
  if (config.device === "webgpu") {
    const gpu = await startGpuEmbedder(config);
    if (gpu instanceof RemoteEmbedder) return { embedder: gpu };
    deviceNote = `WebGPU is not used: ${gpu.failed}`;
  }
  const { files, wasmBinary } = config.modelFiles;
  const workers = Math.max(1, config.embedWorkers ?? 1);
  const threads = config.modelFiles.threads ?? wasmThreadsPerWorker(scope.crossOriginIsolated === true, scope.navigator.hardwareConcurrency ?? 1, workers);
  const note = deviceNote ? { deviceNote } : {};
  if (workers > 1 || !config.embedHere) {
    const init: EmbedWorkerInit = { type: "embed-init", modelId: config.model, files, wasmBinary, threads };
    const started = await Promise.all(Array.from({ length: workers }, () => startEmbedWorker(scope.location.href, init)));
    const members = started.filter((remote): remote is RemoteEmbedder => remote instanceof RemoteEmbedder);
    // A pool is one model: members that differ (they cannot, but a pool refuses to mix) are left out.
    const same = members.filter((member) => member.modelId === members[0]?.modelId);
    for (const member of members) if (!same.includes(member)) void member.dispose();
    if (same.length > 0) return { embedder: new EmbedderPool(same), ...note };
    // Nested workers failed: this worker computes.
  }
  const load = await loadEmbedderFromFiles(transformers, { modelId: config.model, files, wasmBinary, threads, device: "wasm" });
  if (!load.ok) return { unavailable: load.unavailable };
  return { embedder: load.embedder, ...note };
}

/**
 * Extraction workers for a large sync: `config.extractWorkers` more copies of this script. Where
 * nested workers cannot start, this worker extracts (a member that fails later has its piece
 * extracted here too): the index is the same either way, only slower.
 */
function startExtractor(config: WorkerConfig): Promise<NoteExtractor> {
  const members: NoteExtractor[] = [];
  for (let i = 0; i < (config.extractWorkers ?? 0); i++) {
    let worker: Worker;
    try {
      worker = new Worker(scope.location.href, { name: "lifebetter-extract" });
    } catch {
      break;
    }
    const remote = new RemoteExtractor(
      {
        post: (message) => worker.postMessage(message),
        listen: (handler: (message: FromExtractWorker) => void) => {
          worker.onmessage = (event: MessageEvent<FromExtractWorker>) => handler(event.data);
        },
      } satisfies MessageEndpoint<FromExtractWorker, ToExtractWorker>,
      () => worker.terminate(),
    );
    worker.onerror = (event) => remote.fail(`an extraction worker failed: ${event.message}`);
    members.push(remote);
  }
  return Promise.resolve(members.length > 0 ? new ExtractorPool(members) : inlineExtractor);
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
    startExtractor,
  });
  (deliver as ((message: ToWorker) => void) | null)?.(first);
}

scope.onmessage = (event: MessageEvent<ToWorker | EmbedWorkerInit | ExtractWorkerInit>) => {
  const first = event.data;
  const role = (first as { type?: string }).type;
  if (role === "embed-init") serveAsEmbedder(first as EmbedWorkerInit, loadFromBytes);
  else if (role === "extract-init") serveAsExtractor();
  else serveAsIndex(first as ToWorker);
};
