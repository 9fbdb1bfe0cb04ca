import { promises as fs } from "node:fs";
import { homedir } from "node:os";
import * as nodePath from "node:path";
import type { EmbedderLoad } from "../../core/embed/embedder-load";
import { unavailable } from "../../core/embed/embedder-load";
import { describeLoadFailure } from "../../core/embed/load-failure";
import { modelProfile } from "../../core/embed/model-catalog";
import { DEFAULT_DTYPE, DEFAULT_MODEL_ID, modelCacheKey, requiredModelFiles, type ModelSource } from "../../core/embed/model-source";
import { TransformersEmbedder, type FeatureExtractor } from "../../core/embed/transformers-embedder";

const HUB_HOST = "https://huggingface.co/";

export interface NodeEmbedderOptions {
  /** A Hugging Face model id or a model folder; default Xenova/all-MiniLM-L6-v2. */
  model?: string;
  /** Where downloaded models are kept (transformers.js `env.cacheDir`). */
  cacheDir?: string;
  /** Weights to load: "q8" (onnx/model_quantized.onnx, default) or "fp32" (onnx/model.onnx). */
  dtype?: "q8" | "fp32";
  batchSize?: number;
  /** false: never download, only use a model already in cacheDir. */
  allowDownload?: boolean;
  /** The download server (tests point it at a closed port to be "offline"). */
  remoteHost?: string;
}

/**
 * Loads a sentence model with transformers.js on onnxruntime-node (CPU), for the CLI and the
 * benchmark. Never throws: a model that cannot be loaded yields a reason and a fix.
 */
export async function loadNodeEmbedder(options: NodeEmbedderOptions = {}): Promise<EmbedderLoad> {
  const dtype = options.dtype ?? DEFAULT_DTYPE;
  const source = await resolveModelSource(options.model ?? DEFAULT_MODEL_ID);
  if (source.kind === "folder") {
    const missing = await missingFiles(source.path, requiredModelFiles(dtype));
    if (missing === "no-folder")
      return unavailable(
        `the model folder "${source.path}" does not exist`,
        "Set the model to an existing folder, or leave it empty to use the default model.",
      );
    if (missing.length > 0) {
      return unavailable(
        `the model folder "${source.path}" is missing ${missing.join(", ")}`,
        "Copy the complete model into that folder (config.json, tokenizer files and the onnx/ weights), or leave the model setting empty to use the default model.",
      );
    }
  }
  try {
    const transformers = await import("@huggingface/transformers");
    const { env } = transformers;
    // Only this process's settings: the CLI loads one model at a time.
    if (source.kind === "folder") {
      env.allowLocalModels = true;
      env.allowRemoteModels = false;
      env.localModelPath = nodePath.dirname(source.path);
    } else {
      // With downloads off, the download cache is also the local folder: transformers.js refuses a
      // configuration with both local and remote models off, and its per-call local_files_only
      // still fetches config.json to plan the files.
      const download = options.allowDownload ?? true;
      if (options.cacheDir) env.cacheDir = options.cacheDir;
      env.allowRemoteModels = download;
      env.allowLocalModels = !download;
      if (!download && env.cacheDir) env.localModelPath = env.cacheDir;
      env.remoteHost = options.remoteHost ?? HUB_HOST;
    }
    const name = source.kind === "folder" ? nodePath.basename(source.path) : source.id;
    const extractor = (await transformers.pipeline("feature-extraction", name, { dtype, device: "cpu" })) as unknown as FeatureExtractor;
    // Pooling and prefixes of a known model, recognised by its id or its folder's <org>/<name>.
    const profile = modelProfile(source.kind === "folder" ? source.path : source.id);
    const prefixes = { query: profile.queryPrefix, passage: profile.passagePrefix };
    const cacheKey = modelCacheKey(source.kind === "folder" ? `folder:${source.path}` : source.id, dtype, prefixes);
    return {
      ok: true,
      embedder: await TransformersEmbedder.create(extractor, {
        modelId: cacheKey,
        batchSize: options.batchSize,
        queryPrefix: prefixes.query,
        passagePrefix: prefixes.passage,
        maxTokens: profile.maxTokens,
      }),
    };
  } catch (error) {
    return { ok: false, unavailable: describeLoadFailure(error, source, options.cacheDir) };
  }
}

/** A model setting that names an existing folder, or looks like a path, is a folder; else a hub id. */
async function resolveModelSource(model: string): Promise<ModelSource> {
  const looksLikePath = nodePath.isAbsolute(model) || model.startsWith(".") || model.startsWith("~") || model.includes("\\");
  const absolute = nodePath.resolve(model.startsWith("~") ? nodePath.join(homedir(), model.slice(1)) : model);
  if (looksLikePath || (await isDirectory(absolute))) return { kind: "folder", path: absolute };
  return { kind: "hub", id: model };
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function missingFiles(folder: string, files: string[]): Promise<string[] | "no-folder"> {
  if (!(await isDirectory(folder))) return "no-folder";
  const missing: string[] = [];
  for (const file of files) {
    try {
      await fs.access(nodePath.join(folder, file));
    } catch {
      missing.push(file);
    }
  }
  return missing;
}
