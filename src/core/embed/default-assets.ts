import type { AssetFile } from "./asset-download";
import { DEFAULT_MODEL_ID } from "./model-source";

/**
 * What the plugin fetches once into its folder (ensureAssets), when no local model folder is set.
 *
 * The ONNX runtime's WASM: onnxruntime-web's plain SIMD build, matching the JS runtime bundled into
 * the worker. The worker bundle must alias "onnxruntime-web/webgpu" to "onnxruntime-web/wasm"
 * (transformers.js imports the WebGPU build, whose WASM is the 26.9 MB asyncify variant).
 * Version, size and SHA-256 are those of the installed package (npm registry tarball, mirrored
 * byte for byte by jsDelivr).
 */
export const ORT_WEB_VERSION = "1.31.0-dev.20260914-8d85527a0";

export const ORT_WASM_FILE: AssetFile = {
  path: "ort-wasm-simd-threaded.wasm",
  url: `https://cdn.jsdelivr.net/npm/onnxruntime-web@${ORT_WEB_VERSION}/dist/ort-wasm-simd-threaded.wasm`,
  size: 14_264_838,
  sha256: "06ba057753da3847e4c24f02d91ab133455b0817c69a44993a9a53a2146df9e3",
};

/**
 * The ONNX runtime's WASM for WebGPU: the worker that computes on the graphics card is bundled with
 * onnxruntime-web's WebGPU build, whose WASM is this asyncify variant. Fetched once, and only when
 * WebGPU is chosen (setting "auto" with an adapter, or "WebGPU").
 */
export const ORT_WEBGPU_WASM_FILE: AssetFile = {
  path: "ort-wasm-simd-threaded.asyncify.wasm",
  url: `https://cdn.jsdelivr.net/npm/onnxruntime-web@${ORT_WEB_VERSION}/dist/ort-wasm-simd-threaded.asyncify.wasm`,
  size: 26_861_777,
  sha256: "49871f5a4409519797e127440868a6d1923339d9185907f301a5b2a1d90af082",
};

/**
 * The default model's files on the Hugging Face Hub. Their sizes and checksums could not be read
 * from this machine (no access to the Hub): until they are pinned here, a download is checked by
 * loading it (the probe embedding) and a bad one is reported with EmbedderUnavailable.
 */
export function hubModelFiles(modelId: string = DEFAULT_MODEL_ID, revision = "main"): AssetFile[] {
  const files = ["config.json", "tokenizer.json", "tokenizer_config.json", "onnx/model_quantized.onnx"];
  return files.map((path) => ({ path, url: `https://huggingface.co/${modelId}/resolve/${revision}/${path}` }));
}
