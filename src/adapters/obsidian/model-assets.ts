import { normalizePath } from "obsidian";
import { ensureAssets, type AssetFile, type AssetStore, type DownloadProgress, type FetchedResponse } from "../../core/embed/asset-download";
import { ORT_WASM_FILE, ORT_WEBGPU_WASM_FILE, hubModelFiles } from "../../core/embed/default-assets";
import type { EmbedderUnavailable } from "../../core/embed/embedder";
import { DEFAULT_DTYPE, DEFAULT_MODEL_ID, requiredModelFiles } from "../../core/embed/model-source";
import type { WorkerConfig } from "../../core/index/worker-protocol";
import { AdapterAssetStore, type BinaryAdapter } from "./adapter-binary-files";
import { cancellable } from "./request-fetch";

export interface ModelAssetOptions {
  adapter: BinaryAdapter;
  /** The plugin folder (manifest.dir); downloads go to its "models" folder. */
  pluginDir: string;
  /** The embeddingModel setting: "" for the Hub model `modelId`, else a folder inside the vault. */
  modelFolder: string;
  /** The catalogue model to download when there is no folder (default: the English default model). */
  modelId?: string;
  fetch: (url: string) => Promise<FetchedResponse>;
  signal: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** WebGPU was chosen: fetch (once) and read the WebGPU runtime's WASM too. */
  gpu?: boolean;
}

/** `gpuProblem`: WebGPU was asked for but its WASM could not be had (WASM on the CPU is used). */
export type ModelAssets =
  { ok: true; model: string; modelFiles: NonNullable<WorkerConfig["modelFiles"]>; gpuProblem?: string } | { ok: false; unavailable: EmbedderUnavailable };

const CANCELLED: EmbedderUnavailable = {
  reason: "the model download was cancelled",
  fix: "Reload LifeBetter (or restart Obsidian) to download it again; finished files are kept. Or set a local model folder in LifeBetter's settings.",
};

/**
 * The model's files and the ONNX runtime's WASM as bytes for the worker: the default model is
 * downloaded once into the plugin folder (only missing or damaged files), a local folder is read
 * as it is. Never throws: anything missing comes back as why and how to fix it.
 */
export async function prepareModelAssets(options: ModelAssetOptions): Promise<ModelAssets> {
  const modelsDir = `${options.pluginDir}/models`;
  const hubId = options.modelId ?? DEFAULT_MODEL_ID;
  const downloads = remembering(new AdapterAssetStore(options.adapter, modelsDir));
  const local = options.modelFolder.trim() === "" ? null : normalizePath(options.modelFolder.trim());
  const modelStore = local ? new AdapterAssetStore(options.adapter, local) : prefixed(downloads, `${hubId}/`);
  // A local folder is checked before anything is downloaded for it.
  const localFiles = local ? await readModelFiles(modelStore, local) : null;
  if (localFiles && !localFiles.ok) return localFiles;
  const modelFiles: AssetFile[] = local ? [] : hubModelFiles(hubId).map((file) => ({ ...file, path: `${hubId}/${file.path}` }));
  // A WASM file dropped into the local model folder by hand is used when its checksum matches.
  const store: AssetStore = local ? withLocalWasm(options.adapter, local, downloads) : downloads;
  const fetched = await ensureAssets([...modelFiles, ORT_WASM_FILE], {
    fetch: cancellable(options.fetch, options.signal),
    store,
    onProgress: options.onProgress,
  });
  if (options.signal.aborted) return { ok: false, unavailable: CANCELLED };
  if (!fetched.ok) return fetched;

  // Just downloaded: it is in the plugin folder, whatever (damaged) copy the local folder has.
  const wasmFrom = fetched.downloaded.includes(ORT_WASM_FILE.path) ? downloads : store;
  const wasmBinary = await wasmFrom.read(ORT_WASM_FILE.path).catch(() => null);
  if (!wasmBinary)
    return { ok: false, unavailable: { reason: `"${ORT_WASM_FILE.path}" could not be read back`, fix: "Reload LifeBetter to download it again." } };
  const files = localFiles ?? (await readModelFiles(modelStore, local));
  if (!files.ok) return files;
  const ready = { ok: true as const, model: local ? localModelId(local) : hubId, modelFiles: { files: files.files, wasmBinary } };
  if (!options.gpu) return ready;
  const gpu = await gpuWasm(options, store, downloads);
  if (options.signal.aborted) return { ok: false, unavailable: CANCELLED };
  return "bytes" in gpu ? { ...ready, modelFiles: { ...ready.modelFiles, gpuWasmBinary: gpu.bytes } } : { ...ready, gpuProblem: gpu.problem };
}

/** The WebGPU runtime's WASM, fetched once like the rest; a failure only costs WebGPU, not meaning. */
async function gpuWasm(
  options: ModelAssetOptions,
  store: AssetStore,
  downloads: AssetStore,
): Promise<{ bytes: Uint8Array<ArrayBuffer> } | { problem: string }> {
  const fetched = await ensureAssets([ORT_WEBGPU_WASM_FILE], { fetch: cancellable(options.fetch, options.signal), store, onProgress: options.onProgress });
  if (!fetched.ok) return { problem: `its runtime could not be downloaded (${fetched.unavailable.reason})` };
  const from = fetched.downloaded.includes(ORT_WEBGPU_WASM_FILE.path) ? downloads : store;
  const bytes = await from.read(ORT_WEBGPU_WASM_FILE.path).catch(() => null);
  return bytes ? { bytes } : { problem: `"${ORT_WEBGPU_WASM_FILE.path}" could not be read back` };
}

async function readModelFiles(
  store: AssetStore,
  local: string | null,
): Promise<{ ok: true; files: Map<string, Uint8Array<ArrayBuffer>> } | { ok: false; unavailable: EmbedderUnavailable }> {
  const required = requiredModelFiles(DEFAULT_DTYPE);
  const files = new Map<string, Uint8Array<ArrayBuffer>>();
  const missing: string[] = [];
  for (const path of required) {
    const bytes = await store.read(path).catch(() => null);
    if (bytes) files.set(path, bytes);
    else missing.push(path);
  }
  if (missing.length === 0) return { ok: true, files };
  if (!local)
    return { ok: false, unavailable: { reason: `the downloaded model has no ${missing.join(", ")}`, fix: "Reload LifeBetter to download it again." } };
  return {
    ok: false,
    unavailable: {
      reason: `the model folder "${local}" has no ${missing.join(", ")}`,
      fix: `Put ${required.join(", ")} in "${local}", or clear the embedding model setting to download the default model.`,
    },
  };
}

/**
 * The id a local folder's model is known by (in the embedding cache key and to transformers.js,
 * which looks files up by "<id>/<file>"): plain characters only, so no URL handling can change it.
 */
export function localModelId(folder: string): string {
  return `local/${folder.replace(/[^A-Za-z0-9._-]+/g, "-")}`;
}

/**
 * Keeps the bytes ensureAssets read (to verify them) or wrote, so the worker's copy is not read from
 * disk a second time (37 MB at every start). Lives for one prepareModelAssets call.
 */
function remembering(store: AssetStore): AssetStore {
  const kept = new Map<string, Uint8Array<ArrayBuffer>>();
  return {
    read: async (path) => {
      const bytes = kept.get(path) ?? (await store.read(path));
      if (bytes) kept.set(path, bytes);
      return bytes;
    },
    writeAtomic: async (path, bytes) => {
      await store.writeAtomic(path, bytes);
      kept.set(path, bytes.slice());
    },
  };
}

/** The same store seen from a folder inside it. */
function prefixed(store: AssetStore, prefix: string): AssetStore {
  return { read: (path) => store.read(`${prefix}${path}`), writeAtomic: (path, bytes) => store.writeAtomic(`${prefix}${path}`, bytes) };
}

/** Reads the WASM from the local model folder first; downloads still go to the plugin folder. */
function withLocalWasm(adapter: BinaryAdapter, folder: string, downloads: AssetStore): AssetStore {
  const local = new AdapterAssetStore(adapter, folder);
  return {
    read: async (path) => (await local.read(path).catch(() => null)) ?? downloads.read(path),
    writeAtomic: (path, bytes) => downloads.writeAtomic(path, bytes),
  };
}
