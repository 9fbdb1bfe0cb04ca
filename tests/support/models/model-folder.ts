import { promises as fs } from "node:fs";
import * as path from "node:path";
import { tokenizerConfigJson, tokenizerJson } from "./wordpiece-tokenizer";

/** Where a built model lives and how to name it to transformers.js. */
export interface BuiltModel {
  /** The model's own folder (config.json, tokenizer.json, onnx/). */
  folder: string;
  /** `env.localModelPath` for transformers.js: the folder that holds `<org>/<name>`. */
  localModelPath: string;
  /** `<org>/<name>`, the id transformers.js resolves under `localModelPath`. */
  modelId: string;
  dimensions: number;
}

export interface ModelFiles {
  config: object;
  vocabulary: readonly string[];
  maxLength: number;
  onnx: Uint8Array;
  /** The q8 file (onnx/model_quantized.onnx); without it the fp32 graph is written under that name too. */
  quantizedOnnx?: Uint8Array;
}

/**
 * Writes a model in the layout transformers.js loads offline:
 * `<root>/<org>/<name>/{config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx, onnx/model_quantized.onnx}`.
 * The loader asks for the quantized file by default (dtype q8): the model's own q8 graph when it has
 * one, else the same fp32 graph under that name.
 */
export async function writeModelFolder(root: string, modelId: string, dimensions: number, files: ModelFiles): Promise<BuiltModel> {
  const folder = path.join(root, ...modelId.split("/"));
  await fs.mkdir(path.join(folder, "onnx"), { recursive: true });
  await Promise.all([
    fs.writeFile(path.join(folder, "config.json"), JSON.stringify(files.config, null, 2)),
    fs.writeFile(path.join(folder, "tokenizer.json"), JSON.stringify(tokenizerJson(files.vocabulary, files.maxLength))),
    fs.writeFile(path.join(folder, "tokenizer_config.json"), JSON.stringify(tokenizerConfigJson(files.maxLength), null, 2)),
    fs.writeFile(path.join(folder, "onnx", "model.onnx"), files.onnx),
    fs.writeFile(path.join(folder, "onnx", "model_quantized.onnx"), files.quantizedOnnx ?? files.onnx),
  ]);
  return { folder, localModelPath: root, modelId, dimensions };
}
