/** The sentence model used when the user has not chosen one: small, 384 dimensions, English. */
export const DEFAULT_MODEL_ID = "Xenova/all-MiniLM-L6-v2";

/** Quantized (int8) weights: a quarter of the download, same ranking quality for retrieval. */
export const DEFAULT_DTYPE = "q8";

/** Where a model comes from: an id on the Hugging Face Hub (downloaded once) or a folder on disk. */
export type ModelSource = { kind: "hub"; id: string } | { kind: "folder"; path: string };

/** The files transformers.js needs for a feature-extraction model, relative to its folder. */
export function requiredModelFiles(dtype: string): string[] {
  const weights = dtype === "fp32" ? "onnx/model.onnx" : `onnx/model_${dtype === "q8" ? "quantized" : dtype}.onnx`;
  return ["config.json", "tokenizer.json", "tokenizer_config.json", weights];
}

/**
 * The embedding cache key of a model: what it is and how its vectors were made (weights dtype,
 * mean pooling, normalised, and the passage/query prefixes when it has any). Vectors from two
 * different keys are never mixed: the saved index and the embedding cache are keyed by it.
 */
export function modelCacheKey(name: string, dtype: string, prefixes: { query: string; passage: string } = { query: "", passage: "" }): string {
  const base = `${name}#${dtype}#mean-normalized`;
  return prefixes.query === "" && prefixes.passage === "" ? base : `${base}#query=${prefixes.query.trim()}#passage=${prefixes.passage.trim()}`;
}
