import type * as Transformers from "@huggingface/transformers";
import type { EmbedderLoad } from "./embedder-load";
import { describeLoadFailure } from "./load-failure";
import { memoryModelFiles } from "./memory-model-files";
import { modelProfile } from "./model-catalog";
import { DEFAULT_DTYPE, modelCacheKey, requiredModelFiles } from "./model-source";
import { TransformersEmbedder, type FeatureExtractor } from "./transformers-embedder";
import { unavailable } from "./embedder-load";

/** What the worker is given: the model's files and the ONNX runtime's WASM, all as bytes. */
export interface WebEmbedderAssets {
  /** e.g. "Xenova/all-MiniLM-L6-v2"; part of the cache key. */
  modelId: string;
  /** Files by path relative to the model folder ("config.json", "onnx/model_quantized.onnx", …). */
  files: ReadonlyMap<string, Uint8Array<ArrayBuffer>>;
  /** ort-wasm-simd-threaded.wasm; without it onnxruntime-web would fetch it from a CDN. */
  wasmBinary?: ArrayBuffer | Uint8Array<ArrayBuffer>;
  /** WASM threads; more than 1 needs SharedArrayBuffer (a cross-origin-isolated page). */
  threads?: number;
  dtype?: string;
  batchSize?: number;
  /** Where the files live, for messages (e.g. ".obsidian/plugins/lifebetter/models"). */
  folder?: string;
  /**
   * The transformers.js device: "wasm" in the worker (default); "webgpu" on the graphics card (the
   * worker built with onnxruntime-web's WebGPU build and its WASM), falling back to "wasm" when
   * the model cannot run there; tests in Node use "cpu".
   */
  device?: "wasm" | "webgpu" | "cpu" | "auto";
  /** Told about any request transformers.js makes (all are refused); for the plugin's debug log. */
  onBlockedFetch?: (url: string) => void;
}

/**
 * Loads an embedder inside the plugin's worker from bytes only: no file system, no network, no CDN.
 * `transformers` is the library module (its web build in the worker bundle); it is passed in so this
 * module stays free of runtime imports and can be tested in Node. Never throws.
 */
export async function loadEmbedderFromFiles(transformers: typeof Transformers, assets: WebEmbedderAssets): Promise<EmbedderLoad> {
  const dtype = assets.dtype ?? DEFAULT_DTYPE;
  const missing = requiredModelFiles(dtype).filter((file) => !assets.files.has(file));
  if (missing.length > 0) {
    return unavailable(
      `the model "${assets.modelId}" is missing ${missing.join(", ")}`,
      "Download the model again from the plugin settings, or set a local model folder that holds the complete model.",
    );
  }
  const { env } = transformers;
  env.allowRemoteModels = false;
  env.allowLocalModels = true; // one of the two must be on; the cache below answers first
  env.useFS = false;
  env.useFSCache = false;
  env.useBrowserCache = false;
  env.useWasmCache = false;
  env.useCustomCache = true;
  env.customCache = memoryModelFiles(assets.modelId, assets.files);
  env.fetch = (url: string | URL) => {
    assets.onBlockedFetch?.(String(url));
    return Promise.reject(new Error(`LifeBetter does not fetch ${String(url)} while loading a model`));
  };
  const wasm = env.backends.onnx.wasm;
  if (wasm && assets.wasmBinary) {
    // wasmBinary with no wasmPaths makes onnxruntime-web use the factory bundled into the worker
    // and these bytes: nothing is fetched, which also works in a worker made from a Blob URL.
    // transformers.js points wasmPaths at a CDN by default, so it must be cleared.
    wasm.wasmBinary = assets.wasmBinary;
    wasm.wasmPaths = undefined;
    wasm.numThreads = assets.threads ?? 1;
    wasm.proxy = false; // the plugin already runs this in a worker
  }
  const profile = modelProfile(assets.modelId);
  const prefixes = { query: profile.queryPrefix, passage: profile.passagePrefix };
  const load = async (device: NonNullable<WebEmbedderAssets["device"]>): Promise<TransformersEmbedder> => {
    const extractor = (await transformers.pipeline("feature-extraction", assets.modelId, { dtype: dtype as "q8", device })) as unknown as FeatureExtractor;
    // The probe embedding in create() runs the model once: a device that cannot run it fails here.
    return TransformersEmbedder.create(extractor, {
      modelId: modelCacheKey(assets.modelId, dtype, prefixes),
      batchSize: assets.batchSize,
      queryPrefix: prefixes.query,
      passagePrefix: prefixes.passage,
      maxTokens: profile.maxTokens,
      ...(device === "auto" ? {} : { device }),
    });
  };
  const device = assets.device ?? "wasm";
  try {
    if (device !== "webgpu") return { ok: true, embedder: await load(device) };
    try {
      return { ok: true, embedder: await load("webgpu") };
    } catch (gpuError) {
      // The same vectors come from the CPU, only slower: a GPU that cannot run the model costs speed, not search.
      const why = gpuError instanceof Error ? gpuError.message : String(gpuError);
      return { ok: true, embedder: await load("wasm"), deviceNote: `WebGPU could not run the model (${why}), so the CPU (WASM) computes meaning` };
    }
  } catch (error) {
    // Read as a downloaded model: damaged files are fixed by downloading them again.
    return { ok: false, unavailable: describeLoadFailure(error, { kind: "hub", id: assets.modelId }, assets.folder) };
  }
}
