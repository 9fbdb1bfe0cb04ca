import { afterAll, beforeAll, expect, test } from "vitest";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import * as path from "node:path";
import { loadEmbedderFromFiles } from "../../../src/core/embed/web-embedder";
import { requiredModelFiles } from "../../../src/core/embed/model-source";
import { cosine, embedAll } from "./model-vectors";
import { tempMiniLmModel } from "./temp-models";
import type { BuiltModel } from "./model-folder";

/** transformers.js uses the ONNX runtime found under this symbol instead of onnxruntime-node. */
const ORT_SYMBOL = Symbol.for("onnxruntime");

let model: BuiltModel & { cleanup: () => Promise<void> };
let transformers: typeof import("@huggingface/transformers");
beforeAll(async () => {
  model = await tempMiniLmModel();
  (globalThis as Record<symbol, unknown>)[ORT_SYMBOL] = await import("onnxruntime-web");
  transformers = await import("@huggingface/transformers");
});
afterAll(async () => {
  // Other test files in this process must get onnxruntime-node again.
  delete (globalThis as Record<symbol, unknown>)[ORT_SYMBOL];
  await model.cleanup();
});

/** The plugin worker's way: files as bytes, onnxruntime-web's WASM binary, nothing fetched. */
async function embedOnWasm(dtype: "q8" | "fp32"): Promise<Float32Array[]> {
  const files = new Map<string, Uint8Array<ArrayBuffer>>();
  for (const file of requiredModelFiles(dtype)) files.set(file, new Uint8Array(await readFile(path.join(model.folder, file))));
  const wasmFile = path.join(path.dirname(createRequire(import.meta.url).resolve("onnxruntime-web")), "ort-wasm-simd-threaded.wasm");
  const wasmBinary = new Uint8Array(await readFile(wasmFile));
  return embedAll(loadEmbedderFromFiles(transformers, { modelId: model.modelId, files, wasmBinary, dtype, device: "auto" }));
}

test("the MiniLM-shaped model's q8 file runs on onnxruntime-web's WASM, as the plugin's worker loads it, with nearly the fp32 vectors", async () => {
  const fp32 = await embedOnWasm("fp32");
  const q8 = await embedOnWasm("q8");
  for (const [i, vector] of q8.entries()) expect(cosine(vector, fp32[i]!)).toBeGreaterThan(0.95);
  expect(cosine(q8[0]!, q8[1]!)).toBeLessThan(cosine(q8[0]!, fp32[0]!));
});
