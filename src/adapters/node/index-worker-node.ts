import { NO_MODEL } from "../../core/index/embedder-status";
import { loadNodeEmbedder } from "./node-embedder";
import { serveIndexOnParentPort } from "./serve-index-on-port";

/**
 * The index worker in Node (worker_threads), for tests and the CLI's checks. Models are only loaded
 * from folders or the cache, never downloaded.
 */
serveIndexOnParentPort(async (config) => {
  if (!config.model) return NO_MODEL;
  const load = await loadNodeEmbedder({ model: config.model, allowDownload: false });
  return load.ok ? { embedder: load.embedder } : { unavailable: load.unavailable };
});
