import type { EmbedderUnavailable } from "./embedder";
import { EmbedderUnavailableError } from "./embedder-load";
import { errorMessage } from "../errors";
import type { ModelSource } from "./model-source";

/** Messages fetch and Node's network stack give when there is no connection. */
const OFFLINE = /fetch failed|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|network|Failed to fetch|getaddrinfo/i;
/** transformers.js refusing to download because downloads are off and the file is not cached. */
const NOT_CACHED = /allowRemoteModels=false|local_files_only/i;
const HTTP_STATUS = /\b(401|403|404|429|5\d\d)\b/;

/**
 * Turns whatever loading a model threw into a reason a user can read and a fix they can apply.
 * Never rethrows: the caller carries on with full-text search.
 */
export function describeLoadFailure(error: unknown, source: ModelSource, cacheFolder?: string): EmbedderUnavailable {
  if (error instanceof EmbedderUnavailableError) return { reason: error.reason, fix: error.fix };
  const detail = firstLine(errorMessage(error));
  if (source.kind === "folder") {
    return {
      reason: `the model in "${source.path}" could not be loaded (${detail})`,
      fix: "Check that the folder holds a complete transformers.js model (config.json, tokenizer.json, tokenizer_config.json, onnx/model_quantized.onnx), or clear the model folder setting to use the default model.",
    };
  }
  if (NOT_CACHED.test(detail)) {
    return {
      reason: `the model "${source.id}" has not been downloaded yet and downloads are turned off`,
      fix: "Allow the one-time model download, or download the model files yourself and set a local model folder.",
    };
  }
  if (OFFLINE.test(detail)) {
    return {
      reason: `the model "${source.id}" could not be downloaded: no connection (${detail})`,
      fix: "Connect to the internet once so the model can be downloaded (it is kept afterwards), or set a local model folder.",
    };
  }
  if (HTTP_STATUS.test(detail)) {
    return {
      reason: `the model "${source.id}" could not be downloaded (${detail})`,
      fix: "Check the model id, or download the model files yourself and set a local model folder.",
    };
  }
  const where = cacheFolder ? ` in "${cacheFolder}"` : "";
  return {
    reason: `the model "${source.id}" could not be loaded (${detail})`,
    fix: `Its downloaded files are probably damaged: delete the model's cached files${where} so they are downloaded again, or set a local model folder.`,
  };
}

function firstLine(message: string): string {
  const line = message.split("\n", 1)[0] ?? "";
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
