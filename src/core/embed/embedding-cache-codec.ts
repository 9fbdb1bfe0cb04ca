import { EmbeddingCache } from "./embedding-cache";
import { digestKey, HASH_BYTES, sha256Bytes as sha256, writeDigestKey } from "./text-hash";

/**
 * The embedding cache file, little-endian:
 *
 *   0  magic "LBEMB\0\0\1" (8 bytes)
 *   8  format version (u32)        12  dimensions (u32)
 *  16  count (u32)                 20  model id length in bytes (u32)
 *  24  model id (UTF-8), zero-padded to a multiple of 4
 *   …  count keys (32-byte SHA-256 of each text)
 *   …  count × dimensions float32 vectors, contiguous, 4-byte aligned (read as one Float32Array view)
 * end-32  SHA-256 of every byte before it
 *
 * Anything that does not match exactly (truncated, flipped bits, other model or version) is
 * reported as a problem and the caller starts from an empty cache: a cache is never trusted.
 */
const MAGIC = new Uint8Array([0x4c, 0x42, 0x45, 0x4d, 0x42, 0, 0, 1]);
export const CACHE_FORMAT_VERSION = 1;
const HEADER_BYTES = 24;
const CHECKSUM_BYTES = 32;

const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder("utf-8", { fatal: true });

export async function encodeEmbeddingCache(cache: EmbeddingCache): Promise<Uint8Array<ArrayBuffer>> {
  const modelId = utf8.encode(cache.modelId);
  const count = cache.size;
  const keysAt = HEADER_BYTES + align4(modelId.length);
  const vectorsAt = keysAt + count * HASH_BYTES;
  const checksumAt = vectorsAt + count * cache.dimensions * 4;
  const bytes = new Uint8Array(checksumAt + CHECKSUM_BYTES);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  view.setUint32(8, CACHE_FORMAT_VERSION, true);
  view.setUint32(12, cache.dimensions, true);
  view.setUint32(16, count, true);
  view.setUint32(20, modelId.length, true);
  bytes.set(modelId, HEADER_BYTES);
  // Float32Array uses the platform's byte order; every platform Obsidian runs on is little-endian.
  const vectors = new Float32Array(bytes.buffer, vectorsAt, count * cache.dimensions);
  let index = 0;
  for (const [key, vector] of cache.entries()) {
    writeDigestKey(key, bytes, keysAt + index * HASH_BYTES);
    vectors.set(vector, index * cache.dimensions);
    index++;
  }
  bytes.set(await sha256(bytes.subarray(0, checksumAt)), checksumAt);
  return bytes;
}

export type DecodedCache = { ok: true; cache: EmbeddingCache } | { ok: false; problem: string };

/**
 * Reads a cache file written for `modelId` with `dimensions`; any mismatch or damage is a problem.
 * The cache's vectors are views into `bytes` (no copy of 75 MB at 50k), so the caller hands them over.
 */
export async function decodeEmbeddingCache(bytes: Uint8Array<ArrayBuffer>, modelId: string, dimensions: number): Promise<DecodedCache> {
  if (bytes.length < HEADER_BYTES + CHECKSUM_BYTES) return problem("the file is shorter than its header");
  if (!MAGIC.every((byte, i) => bytes[i] === byte)) return problem("the file is not an embedding cache");
  // Check the whole file before believing any field of it.
  const checksumAt = bytes.length - CHECKSUM_BYTES;
  const actual = await sha256(bytes.subarray(0, checksumAt));
  if (!actual.every((byte, i) => bytes[checksumAt + i] === byte)) return problem("the checksum does not match (truncated or damaged)");

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== CACHE_FORMAT_VERSION) return problem(`format version ${version}, expected ${CACHE_FORMAT_VERSION}`);
  const fileDimensions = view.getUint32(12, true);
  const count = view.getUint32(16, true);
  const idLength = view.getUint32(20, true);
  const keysAt = HEADER_BYTES + align4(idLength);
  const vectorsAt = keysAt + count * HASH_BYTES;
  if (vectorsAt + count * fileDimensions * 4 !== checksumAt) return problem("the header's sizes do not match the file's length");
  let fileModelId: string;
  try {
    fileModelId = utf8Strict.decode(bytes.subarray(HEADER_BYTES, HEADER_BYTES + idLength));
  } catch {
    return problem("the model id is not valid UTF-8");
  }
  if (fileModelId !== modelId) return problem(`it holds embeddings of another model (${fileModelId})`);
  if (fileDimensions !== dimensions) return problem(`it holds ${fileDimensions}-dimensional vectors, expected ${dimensions}`);

  // Each entry is a view into one block: the file's own bytes when aligned (no copy), else one copy.
  const start = bytes.byteOffset + vectorsAt;
  const vectors = start % 4 === 0 ? new Float32Array(bytes.buffer, start, count * dimensions) : new Float32Array(bytes.slice(vectorsAt, checksumAt).buffer);
  const cache = new EmbeddingCache(modelId, dimensions);
  for (let i = 0; i < count; i++) {
    const key = digestKey(bytes.subarray(keysAt + i * HASH_BYTES, keysAt + (i + 1) * HASH_BYTES));
    cache.set(key, vectors.subarray(i * dimensions, (i + 1) * dimensions));
  }
  cache.dirty = false;
  return { ok: true, cache };
}

function problem(text: string): DecodedCache {
  return { ok: false, problem: text };
}

function align4(length: number): number {
  return (length + 3) & ~3;
}
