import type { BinaryFile } from "./binary-file";
import { EmbeddingCache } from "./embedding-cache";
import { decodeEmbeddingCache, encodeEmbeddingCache } from "./embedding-cache-codec";

export interface LoadedEmbeddingCache {
  cache: EmbeddingCache;
  /** "loaded": from the file; "new": there was none; "discarded": it was unusable and starts empty. */
  status: "loaded" | "new" | "discarded";
  /** Why a file was discarded (for the log and the status line). */
  problem?: string;
}

/** The cache for `modelId` from its file; a damaged or foreign file is discarded, never trusted. */
export async function loadEmbeddingCache(file: BinaryFile, modelId: string, dimensions: number): Promise<LoadedEmbeddingCache> {
  let bytes: Uint8Array<ArrayBuffer> | null;
  try {
    bytes = await file.read();
  } catch (error) {
    return { cache: new EmbeddingCache(modelId, dimensions), status: "discarded", problem: `it could not be read (${String(error)})` };
  }
  if (!bytes) return { cache: new EmbeddingCache(modelId, dimensions), status: "new" };
  const decoded = await decodeEmbeddingCache(bytes, modelId, dimensions);
  if (decoded.ok) return { cache: decoded.cache, status: "loaded" };
  // Start empty and mark dirty, so the next save replaces the bad file.
  const cache = new EmbeddingCache(modelId, dimensions);
  cache.dirty = true;
  return { cache, status: "discarded", problem: decoded.problem };
}

/** Writes the cache if it changed since it was loaded or last saved; returns whether it wrote. */
export async function saveEmbeddingCache(file: BinaryFile, cache: EmbeddingCache): Promise<boolean> {
  if (!cache.dirty) return false;
  await file.writeAtomic(await encodeEmbeddingCache(cache));
  cache.dirty = false;
  return true;
}
