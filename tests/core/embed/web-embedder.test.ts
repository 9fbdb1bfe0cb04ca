import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import * as transformers from "@huggingface/transformers";
import { loadEmbedderFromFiles } from "../../../src/core/embed/web-embedder";
import { memoryModelFiles } from "../../../src/core/embed/memory-model-files";
import { requiredModelFiles } from "../../../src/core/embed/model-source";
import { tempStaticModel } from "../../support/models/temp-models";
import type { BuiltModel } from "../../support/models/model-folder";

/**
 * The worker's loading path (model files as bytes, served through transformers.js's custom cache)
 * run through the real library in Node. Only the ONNX runtime differs: onnxruntime-node here,
 * onnxruntime-web's WASM in the plugin (that runtime is measured by tests/bench/embeddings.ts).
 */
describe("loadEmbedderFromFiles", () => {
  let model: BuiltModel & { cleanup: () => Promise<void> };
  let files: Map<string, Uint8Array<ArrayBuffer>>;
  beforeAll(async () => {
    model = await tempStaticModel({ modelId: "lifebetter-test/in-memory" });
    files = new Map();
    for (const file of requiredModelFiles("q8")) {
      const bytes = await readFile(path.join(model.folder, file));
      files.set(file, new Uint8Array(bytes));
    }
  });
  afterAll(() => model.cleanup());

  test("loads from bytes alone, without fetching anything, and ranks by meaning", async () => {
    const fetched: string[] = [];
    const load = await loadEmbedderFromFiles(transformers, {
      modelId: "lifebetter-test/in-memory",
      files,
      device: "cpu",
      onBlockedFetch: (url) => fetched.push(url),
    });
    if (!load.ok) throw new Error(load.unavailable.reason);
    expect(load.embedder.modelId).toBe("lifebetter-test/in-memory#q8#mean-normalized");
    const [query, paraphrase, unrelated] = await load.embedder.embed(["fix the failing test", "repair the broken check", "bake sourdough bread"]);
    const dot = (a: Float32Array, b: Float32Array): number => a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);
    expect(dot(query!, paraphrase!)).toBeGreaterThan(dot(query!, unrelated!) + 0.4);
    expect(fetched).toEqual([]);
  });

  test("a file the worker does not have is never fetched from the network", async () => {
    const fetched: string[] = [];
    const load = await loadEmbedderFromFiles(transformers, {
      modelId: "lifebetter-test/in-memory",
      files,
      device: "cpu",
      onBlockedFetch: (url) => fetched.push(url),
    });
    expect(load.ok).toBe(true);
    // Same configuration, a model the worker was not given: transformers.js tries to get it, and is refused.
    await expect(transformers.pipeline("feature-extraction", "other-org/unknown-model")).rejects.toThrow();
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched.every((url) => url.includes("other-org/unknown-model"))).toBe(true);
  });

  test("missing or damaged files give a reason, not an exception", async () => {
    const withoutWeights = new Map(files);
    withoutWeights.delete("onnx/model_quantized.onnx");
    const missing = await loadEmbedderFromFiles(transformers, { modelId: "lifebetter-test/in-memory", files: withoutWeights, device: "cpu" });
    expect(missing).toMatchObject({ ok: false, unavailable: { reason: expect.stringContaining("missing onnx/model_quantized.onnx") as unknown } });

    const damaged = new Map(files);
    damaged.set("onnx/model_quantized.onnx", new Uint8Array(files.get("onnx/model_quantized.onnx")!.subarray(0, 100)));
    const corrupt = await loadEmbedderFromFiles(transformers, {
      modelId: "lifebetter-test/in-memory",
      files: damaged,
      device: "cpu",
      folder: ".obsidian/plugins/lifebetter/models",
    });
    expect(corrupt).toMatchObject({
      ok: false,
      unavailable: {
        reason: expect.stringContaining('"lifebetter-test/in-memory" could not be loaded') as unknown,
        fix: expect.stringContaining(".obsidian/plugins/lifebetter/models") as unknown,
      },
    });
  });

  test("WebGPU that cannot run the model falls back to the CPU, the same vectors, and says why", async () => {
    // Node has no WebGPU: this library refuses "webgpu"; its CPU backend stands in for WASM here.
    const library = {
      ...transformers,
      pipeline: ((task: "feature-extraction", id: string, options: { device?: string; dtype?: "q8" }) =>
        options.device === "webgpu"
          ? Promise.reject(new Error("Failed to get GPU adapter"))
          : transformers.pipeline(task, id, { ...options, device: "cpu" })) as unknown as typeof transformers.pipeline,
    };
    const gpu = await loadEmbedderFromFiles(library, { modelId: "lifebetter-test/in-memory", files, device: "webgpu" });
    const cpu = await loadEmbedderFromFiles(transformers, { modelId: "lifebetter-test/in-memory", files, device: "cpu" });
    if (!gpu.ok || !cpu.ok) throw new Error("the model did not load");
    expect(gpu.embedder.device).toBe("wasm");
    expect(gpu.deviceNote).toBe("WebGPU could not run the model (Failed to get GPU adapter), so the CPU (WASM) computes meaning");
    expect(cpu.deviceNote).toBeUndefined();
    const [a] = await gpu.embedder.embed(["water the tomatoes"]);
    const [b] = await cpu.embedder.embed(["water the tomatoes"]);
    expect([...a!]).toEqual([...b!]);
  });
});

describe("memoryModelFiles", () => {
  const files = new Map([
    ["config.json", new Uint8Array([123, 125])],
    ["onnx/model_quantized.onnx", new Uint8Array([1, 2, 3])],
  ]);
  const cache = memoryModelFiles("org/name", files);

  test("answers both the local-path and the hub-URL forms transformers.js asks for", async () => {
    expect(await (await cache.match("/models/org/name/config.json"))?.text()).toBe("{}");
    const response = await cache.match("https://huggingface.co/org/name/resolve/main/onnx/model_quantized.onnx");
    expect(new Uint8Array(await response!.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(response!.headers.get("content-length")).toBe("3");
  });

  test("knows nothing about other models or files", async () => {
    expect(await cache.match("/models/org/other/config.json")).toBeUndefined();
    expect(await cache.match("/models/org/name/tokenizer.json")).toBeUndefined();
  });
});
