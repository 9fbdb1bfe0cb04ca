import * as transformers from "@huggingface/transformers";
import { assetsOf, type EmbedWorkerInit } from "../core/embed/remote-embedder";
import { loadEmbedderFromFiles } from "../core/embed/web-embedder";
import { scope, serveAsEmbedder } from "./worker-scope";

/**
 * Entry of the embedding worker that computes on the graphics card. It is bundled with
 * onnxruntime-web's WebGPU build (whose WASM is the asyncify file), apart from the index worker,
 * which keeps the plain WASM build every user downloads; the index worker starts it from a Blob of
 * its code (LIFEBETTER_GPU_WORKER) only when WebGPU was chosen. If the model cannot run on the GPU
 * it runs here on WASM and says why; the index worker then uses its WASM pool instead.
 */
scope.onmessage = (event: MessageEvent<EmbedWorkerInit>) => {
  serveAsEmbedder(event.data, (init) => loadEmbedderFromFiles(transformers, { ...assetsOf(init), device: init.device ?? "webgpu" }));
};
