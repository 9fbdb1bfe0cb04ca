import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { DataAdapter } from "obsidian";
import { describe, expect, it } from "vitest";
import { localModelId, prepareModelAssets } from "../../../src/adapters/obsidian/model-assets";
import type { FetchedResponse } from "../../../src/core/embed/asset-download";
import { ORT_WASM_FILE, ORT_WEBGPU_WASM_FILE } from "../../../src/core/embed/default-assets";
import { DEFAULT_MODEL_ID } from "../../../src/core/embed/model-source";
import { makeApp } from "../../support/obsidian-shims";

const PLUGIN = ".obsidian/plugins/lifebetter";
// The real WASM of the installed onnxruntime-web: its size and SHA-256 are the pinned ones.
const WASM = new Uint8Array(readFileSync(path.resolve("node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm")));
const GPU_WASM = new Uint8Array(readFileSync(path.resolve("node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.asyncify.wasm")));
const MODEL_FILES = ["config.json", "tokenizer.json", "tokenizer_config.json", "onnx/model_quantized.onnx"];

function bytes(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

function response(body: Uint8Array): FetchedResponse {
  return { ok: true, status: 200, arrayBuffer: () => Promise.resolve(body.slice().buffer) };
}

/** A server with the default model's files and the WASM; records every URL asked for. */
function server(fail?: (url: string) => boolean) {
  const requested: string[] = [];
  const fetch = (url: string): Promise<FetchedResponse> => {
    requested.push(url);
    if (fail?.(url)) return Promise.reject(new Error("net::ERR_INTERNET_DISCONNECTED"));
    if (url === ORT_WASM_FILE.url) return Promise.resolve(response(WASM));
    if (url === ORT_WEBGPU_WASM_FILE.url) return Promise.resolve(response(GPU_WASM));
    const file = MODEL_FILES.find((name) => url.endsWith(`/${name}`));
    return Promise.resolve(file ? response(bytes(`contents of ${file}`)) : { ok: false, status: 404, arrayBuffer: () => Promise.resolve(new ArrayBuffer(0)) });
  };
  return { fetch, requested };
}

/** The mock vault's adapter, with these files written as binary (its readBinary reads only those). */
async function adapter(files: Record<string, string> = {}): Promise<DataAdapter> {
  const vaultAdapter = makeApp().app.vault.adapter;
  for (const [path, text] of Object.entries(files)) {
    await vaultAdapter.mkdir(path.slice(0, path.lastIndexOf("/")));
    await vaultAdapter.writeBinary(path, bytes(text).buffer);
  }
  return vaultAdapter;
}

describe("prepareModelAssets", () => {
  it("fetches the WebGPU runtime's WASM only when WebGPU is chosen; without it WASM on the CPU goes on", async () => {
    const vault = await adapter();
    const cpu = server();
    const plain = await prepareModelAssets({ adapter: vault, pluginDir: PLUGIN, modelFolder: "", fetch: cpu.fetch, signal: new AbortController().signal });
    expect(plain.ok && plain.modelFiles.gpuWasmBinary).toBe(undefined);
    expect(cpu.requested).not.toContain(ORT_WEBGPU_WASM_FILE.url);

    const offline = server((url) => url === ORT_WEBGPU_WASM_FILE.url);
    const failed = await prepareModelAssets({
      adapter: vault,
      pluginDir: PLUGIN,
      modelFolder: "",
      fetch: offline.fetch,
      signal: new AbortController().signal,
      gpu: true,
    });
    if (!failed.ok) throw new Error(failed.unavailable.reason);
    expect(failed.modelFiles.wasmBinary?.length).toBe(WASM.length);
    expect(failed.modelFiles.gpuWasmBinary).toBeUndefined();
    expect(failed.gpuProblem).toMatch(/^its runtime could not be downloaded/);

    const gpu = server();
    const got = await prepareModelAssets({
      adapter: vault,
      pluginDir: PLUGIN,
      modelFolder: "",
      fetch: gpu.fetch,
      signal: new AbortController().signal,
      gpu: true,
    });
    if (!got.ok) throw new Error(got.unavailable.reason);
    expect(got.modelFiles.gpuWasmBinary?.length).toBe(GPU_WASM.length);
    expect(got.gpuProblem).toBeUndefined();
    expect(gpu.requested).toEqual([ORT_WEBGPU_WASM_FILE.url]);
  });

  it("downloads the default model and the WASM once, then reads them from the plugin folder", async () => {
    const vault = await adapter();
    const first = server();
    const progress: number[] = [];
    const got = await prepareModelAssets({
      adapter: vault,
      pluginDir: PLUGIN,
      modelFolder: "",
      fetch: first.fetch,
      signal: new AbortController().signal,
      onProgress: (p) => progress.push(p.overall),
    });
    if (!got.ok) throw new Error(got.unavailable.reason);
    expect(got.model).toBe(DEFAULT_MODEL_ID);
    expect([...got.modelFiles.files.keys()].sort()).toEqual([...MODEL_FILES].sort());
    expect(new TextDecoder().decode(got.modelFiles.files.get("config.json"))).toBe("contents of config.json");
    expect(got.modelFiles.wasmBinary?.length).toBe(WASM.length);
    expect(first.requested).toHaveLength(5);
    expect(progress.at(-1)).toBeGreaterThan(WASM.length);
    expect(await vault.exists(`${PLUGIN}/models/${DEFAULT_MODEL_ID}/onnx/model_quantized.onnx`)).toBe(true);

    const second = server();
    const read: string[] = [];
    const readBinary = vault.readBinary.bind(vault);
    vault.readBinary = (path) => {
      read.push(path);
      return readBinary(path);
    };
    const again = await prepareModelAssets({ adapter: vault, pluginDir: PLUGIN, modelFolder: "", fetch: second.fetch, signal: new AbortController().signal });
    expect(again.ok).toBe(true);
    expect(second.requested).toEqual([]);
    // Each file is read from disk once: the bytes checked are the bytes handed to the worker.
    expect(read.sort()).toEqual(
      [...MODEL_FILES.map((name) => `${PLUGIN}/models/${DEFAULT_MODEL_ID}/${name}`), `${PLUGIN}/models/${ORT_WASM_FILE.path}`].sort(),
    );
  });

  it("downloads the multilingual model chosen in the settings into its own folder", async () => {
    const vault = await adapter();
    const hub = server();
    const got = await prepareModelAssets({
      adapter: vault,
      pluginDir: PLUGIN,
      modelFolder: "",
      modelId: "Xenova/multilingual-e5-small",
      fetch: hub.fetch,
      signal: new AbortController().signal,
    });
    if (!got.ok) throw new Error(got.unavailable.reason);
    expect(got.model).toBe("Xenova/multilingual-e5-small");
    expect(hub.requested.filter((url) => url.startsWith("https://huggingface.co/"))).toEqual(
      MODEL_FILES.map((name) => `https://huggingface.co/Xenova/multilingual-e5-small/resolve/main/${name}`),
    );
    expect(await vault.exists(`${PLUGIN}/models/Xenova/multilingual-e5-small/onnx/model_quantized.onnx`)).toBe(true);
  });

  it("says which file failed and how to fix it when the download fails", async () => {
    const { fetch } = server((url) => url.endsWith("model_quantized.onnx"));
    const got = await prepareModelAssets({ adapter: await adapter(), pluginDir: PLUGIN, modelFolder: "", fetch, signal: new AbortController().signal });
    expect(got).toMatchObject({
      ok: false,
      unavailable: {
        reason: expect.stringMatching(/model_quantized\.onnx" could not be downloaded.*INTERNET_DISCONNECTED/) as unknown,
        fix: expect.stringMatching(/reload/i) as unknown,
      },
    });
  });

  it("stops at a cancel and says it was cancelled", async () => {
    const cancel = new AbortController();
    const requested: string[] = [];
    // The first request never answers; the user cancels while it hangs.
    const fetch = (url: string): Promise<FetchedResponse> => {
      requested.push(url);
      cancel.abort();
      return new Promise(() => undefined);
    };
    const got = await prepareModelAssets({ adapter: await adapter(), pluginDir: PLUGIN, modelFolder: "", fetch, signal: cancel.signal });
    expect(got).toMatchObject({ ok: false, unavailable: { reason: "the model download was cancelled" } });
    expect(requested).toHaveLength(1);
  });

  it("refuses a local folder without the model's files before downloading anything", async () => {
    const { fetch, requested } = server();
    const got = await prepareModelAssets({
      adapter: await adapter({ "Models/mini/config.json": "{}" }),
      pluginDir: PLUGIN,
      modelFolder: "Models/mini/",
      fetch,
      signal: new AbortController().signal,
    });
    expect(got).toMatchObject({
      ok: false,
      unavailable: {
        reason: 'the model folder "Models/mini" has no tokenizer.json, tokenizer_config.json, onnx/model_quantized.onnx',
        fix: expect.stringContaining("clear the embedding model setting") as unknown,
      },
    });
    expect(requested).toEqual([]);
  });

  it("reads a complete local folder and fetches only the WASM it lacks", async () => {
    const files = Object.fromEntries(MODEL_FILES.map((name) => [`Models/mini/${name}`, `local ${name}`]));
    const { fetch, requested } = server();
    const got = await prepareModelAssets({
      adapter: await adapter(files),
      pluginDir: PLUGIN,
      modelFolder: "Models/mini",
      fetch,
      signal: new AbortController().signal,
    });
    if (!got.ok) throw new Error(got.unavailable.reason);
    expect(got.model).toBe(localModelId("Models/mini"));
    expect(new TextDecoder().decode(got.modelFiles.files.get("tokenizer.json"))).toBe("local tokenizer.json");
    expect(requested).toEqual([ORT_WASM_FILE.url]);
  });
});
