import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import * as path from "node:path";
import { loadEmbedderFromFiles } from "../../../src/core/embed/web-embedder";
import { requiredModelFiles } from "../../../src/core/embed/model-source";
import { tempStaticModel } from "../../support/models/temp-models";
import type { BuiltModel } from "../../support/models/model-folder";

/** transformers.js uses the ONNX runtime found under this symbol instead of onnxruntime-node. */
const ORT_SYMBOL = Symbol.for("onnxruntime");

/**
 * The plugin worker's path end to end, in Node: model files and the WASM binary as bytes,
 * onnxruntime-web's WASM backend (the same package and .wasm file the worker uses), and nothing
 * fetched. Only the library build differs (transformers.js's Node build, told to use onnxruntime-web).
 */
describe("loadEmbedderFromFiles on onnxruntime-web (WASM)", () => {
  let model: BuiltModel & { cleanup: () => Promise<void> };
  let transformers: typeof import("@huggingface/transformers");
  beforeAll(async () => {
    model = await tempStaticModel({ modelId: "lifebetter-test/wasm" });
    (globalThis as Record<symbol, unknown>)[ORT_SYMBOL] = await import("onnxruntime-web");
    transformers = await import("@huggingface/transformers");
  });
  afterAll(async () => {
    // Other test files in this process must get onnxruntime-node again.
    delete (globalThis as Record<symbol, unknown>)[ORT_SYMBOL];
    await model.cleanup();
  });

  test("runs on WASM from bytes alone and ranks a paraphrase above an unrelated text", async () => {
    expect(transformers.env.backends.onnx.versions).toHaveProperty("web");
    const files = new Map<string, Uint8Array<ArrayBuffer>>();
    for (const file of requiredModelFiles("q8")) files.set(file, new Uint8Array(await readFile(path.join(model.folder, file))));
    const wasmFile = path.join(path.dirname(createRequire(import.meta.url).resolve("onnxruntime-web")), "ort-wasm-simd-threaded.wasm");
    const fetched: string[] = [];
    // "auto": with a runtime supplied this way transformers.js's Node build lists no devices of its own.
    const load = await loadEmbedderFromFiles(transformers, {
      modelId: "lifebetter-test/wasm",
      files,
      wasmBinary: new Uint8Array(await readFile(wasmFile)),
      device: "auto",
      onBlockedFetch: (url) => fetched.push(url),
    });
    if (!load.ok) throw new Error(load.unavailable.reason);
    const [query, paraphrase, unrelated] = await load.embedder.embed(["fix the failing test", "repair the broken check", "bake sourdough bread"]);
    const dot = (a: Float32Array, b: Float32Array): number => a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);
    expect(dot(query!, paraphrase!)).toBeGreaterThan(0.6);
    expect(dot(query!, paraphrase!)).toBeGreaterThan(dot(query!, unrelated!) + 0.4);
    expect(fetched).toEqual([]);
  });
});
