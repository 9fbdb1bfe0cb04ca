import type { EmbedderStatus } from "../core/index/embedder-status";
import { NO_MODEL } from "../core/index/embedder-status";
import { describeLoadFailure } from "../core/embed/load-failure";
import { DEFAULT_DTYPE, modelCacheKey } from "../core/embed/model-source";
import { TransformersEmbedder, type FeatureExtractor } from "../core/embed/transformers-embedder";
import type { WorkerConfig } from "../core/index/worker-protocol";

/**
 * Loads the sentence model inside the Web Worker with transformers.js on onnxruntime-web (WASM).
 * The model files and the WASM come from URLs the plugin gives (files in its own folder, fetched
 * once with progress by the embeddings module), never from a CDN or the Hub at start.
 */
export async function loadWebEmbedder(config: WorkerConfig): Promise<EmbedderStatus> {
  if (!config.model) return NO_MODEL;
  const assets = config.assets;
  if (!assets) {
    return { unavailable: { reason: "the model files are not downloaded yet", fix: "Download the model from LifeBetter's settings, or set a local model folder." } };
  }
  try {
    const transformers = await import("@huggingface/transformers");
    const { env } = transformers;
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = assets.localModelPath;
    const wasm = env.backends.onnx.wasm;
    if (wasm) wasm.wasmPaths = assets.wasmPaths;
    const extractor = (await transformers.pipeline("feature-extraction", config.model, { dtype: DEFAULT_DTYPE, device: "wasm" })) as unknown as FeatureExtractor;
    return { embedder: await TransformersEmbedder.create(extractor, { modelId: modelCacheKey(config.model, DEFAULT_DTYPE) }) };
  } catch (error) {
    return { unavailable: describeLoadFailure(error, { kind: "hub", id: config.model }) };
  }
}
