import { promises as fs } from "node:fs";
import * as nodePath from "node:path";
import { NodeBinaryFile } from "../../adapters/node/node-binary-file";
import { loadNodeEmbedder } from "../../adapters/node/node-embedder";
import { bundledExtractWorker, nodeExtractors } from "../../adapters/node/node-extractors";
import { nodeNoteSource } from "../../adapters/node/node-note-source";
import { nodeSha256Texts } from "../../adapters/node/node-text-hash";
import { nodeTimers } from "../../adapters/node/node-timers";
import { CachingEmbedder } from "../../core/embed/caching-embedder";
import type { EmbedderUnavailable } from "../../core/embed/embedder";
import { loadEmbeddingCache, saveEmbeddingCache } from "../../core/embed/embedding-cache-store";
import { DEFAULT_MODEL_ID } from "../../core/embed/model-source";
import type { EmbedderStatus } from "../../core/index/embedder-status";
import { MemoryIndex, type OpenReport } from "../../core/index/memory-index";
import { hashText } from "../../core/index/text-hash";
import type { CliIo } from "../io";
import type { VaultContext } from "../vault-context";

/** The options every command that uses the index takes (besides --vault and --json). */
export const INDEX_OPTIONS = {
  model: { type: "string" },
  cache: { type: "string" },
} as const;

/** Private records (schema/privacy) are left out of results unless asked for, as in the plugin's panels. */
export const PRIVATE_OPTION = { "include-private": { type: "boolean" } } as const;
export const PRIVATE_OPTION_USAGE = `  --include-private  also show records marked private (left out otherwise, as in the plugin's panels)`;

export const INDEX_OPTIONS_USAGE = `  --model DIR|ID  a sentence model folder, or a Hugging Face id (downloaded once into the cache);
                  without it, the default model is used if it is already in the cache
  --cache DIR     where the index and embeddings are kept (default: VAULT/.lifebetter)`;

/** The cache folder: inside the vault as a dot-folder (which the index itself never reads) or --cache. */
export const DEFAULT_CACHE_FOLDER = ".lifebetter";

export interface IndexSession {
  memory: MemoryIndex;
  opened: OpenReport;
  /** Embeddings the model computed in this run (cache hits not counted). */
  computed(): number;
  /** Saves the index and the embedding cache for the next run. */
  close(): Promise<void>;
}

async function loadModel(
  model: string | undefined,
  cacheDir: string,
): Promise<{ status: EmbedderStatus; caching: CachingEmbedder | null; saveCache: () => Promise<void> }> {
  const load = await loadNodeEmbedder({ model: model ?? DEFAULT_MODEL_ID, cacheDir: nodePath.join(cacheDir, "models"), allowDownload: model !== undefined });
  if (!load.ok) return { status: { unavailable: load.unavailable }, caching: null, saveCache: () => Promise.resolve() };
  const file = new NodeBinaryFile(nodePath.join(cacheDir, `embeddings-${hashText(load.embedder.modelId)}.bin`));
  const { cache } = await loadEmbeddingCache(file, load.embedder.modelId, load.embedder.dimensions);
  const caching = new CachingEmbedder(load.embedder, cache, nodeSha256Texts);
  return { status: { embedder: caching }, caching, saveCache: () => saveEmbeddingCache(file, cache).then(() => undefined) };
}

function reportUnavailable(unavailable: EmbedderUnavailable, modelGiven: boolean, io: CliIo): void {
  const what = modelGiven ? `the model could not be loaded: ${unavailable.reason}` : `no embedding model (${unavailable.reason})`;
  const cliFix = modelGiven ? "" : ` From the command line: --model ${DEFAULT_MODEL_ID} downloads it once into the cache; --model DIR uses a model folder.`;
  io.err(`lifebetter: ${what}. Going on with full-text search only. ${unavailable.fix}${cliFix}\n`);
}

/** Opens the vault's index: restores the saved one, indexes what changed, loads the model if it can. */
export async function openIndexSession(vault: VaultContext, values: { model?: string; cache?: string }, io: CliIo): Promise<IndexSession> {
  const cacheDir = await cacheFolder(values, vault);
  const model = await loadModel(values.model, cacheDir);
  if ("unavailable" in model.status) reportUnavailable(model.status.unavailable, values.model !== undefined, io);
  return startSession(vault, cacheDir, model, io);
}

/**
 * The index only when there is a model to compare meaning with (--model, or the default model
 * already in the cache), for commands that work by words without one (enrich-chats, import-chats):
 * null otherwise, and nothing is indexed. A --model that cannot be loaded is told on stderr.
 */
export async function openIndexSessionWithModel(values: { model?: string; cache?: string }, vault: VaultContext, io: CliIo): Promise<IndexSession | null> {
  const cacheDir = cachePath(values, vault);
  // Looking for the default model must not leave a cache folder in a vault that has none.
  if (
    values.model === undefined &&
    !(await fs.stat(cacheDir).then(
      (stat) => stat.isDirectory(),
      () => false,
    ))
  )
    return null;
  const model = await loadModel(values.model, cacheDir);
  if ("unavailable" in model.status) {
    if (values.model !== undefined) reportUnavailable(model.status.unavailable, true, io);
    return null;
  }
  await fs.mkdir(cacheDir, { recursive: true });
  return startSession(vault, cacheDir, model, io);
}

const cachePath = (values: { cache?: string }, vault: VaultContext): string =>
  nodePath.resolve(values.cache ?? nodePath.join(vault.root, DEFAULT_CACHE_FOLDER));

async function cacheFolder(values: { cache?: string }, vault: VaultContext): Promise<string> {
  const cacheDir = cachePath(values, vault);
  await fs.mkdir(cacheDir, { recursive: true });
  return cacheDir;
}

async function startSession(
  { repo, settings }: VaultContext,
  cacheDir: string,
  model: Awaited<ReturnType<typeof loadModel>>,
  io: CliIo,
): Promise<IndexSession> {
  const memory = new MemoryIndex({
    source: nodeNoteSource(repo),
    embedder: model.status,
    timers: nodeTimers,
    storage: new NodeBinaryFile(nodePath.join(cacheDir, "index.bin")),
    excludedFolders: settings.excludedFolders,
    // A first index parses notes on the spare cores (workers only in the bundled CLI, dist/extract-worker.mjs).
    startExtractor: nodeExtractors(bundledExtractWorker(import.meta.url)),
  });
  const opened = await memory.open();
  if (opened.restoreProblem) io.err(`lifebetter: rebuilding the index: ${opened.restoreProblem}\n`);
  return {
    memory,
    opened,
    computed: () => model.caching?.stats.computed ?? 0,
    close: async () => {
      const unsaved = await memory.save();
      if (unsaved) io.err(`lifebetter: ${unsaved}\n`);
      await model.saveCache();
      memory.dispose();
      await model.caching?.dispose();
    },
  };
}
