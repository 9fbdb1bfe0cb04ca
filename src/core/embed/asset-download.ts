import type { EmbedderUnavailable } from "./embedder";
import { errorMessage } from "../errors";
import { toHex } from "./text-hash";

/** One file to fetch once: where it goes, where it comes from, and what it must be. */
export interface AssetFile {
  /** Path relative to the asset folder, e.g. "onnx/model_quantized.onnx". */
  path: string;
  url: string;
  /** Expected size in bytes and SHA-256 (hex); when unknown, the file is checked by loading it. */
  size?: number;
  sha256?: string;
}

/** The part of fetch's Response the downloader reads. */
export interface FetchedResponse {
  ok: boolean;
  status: number;
  headers?: { get(name: string): string | null };
  body?: ReadableStream<Uint8Array> | null;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Where the files go: the plugin folder through Obsidian's adapter, or a folder in Node. */
export interface AssetStore {
  /** The file's bytes, or null when it does not exist. */
  read(path: string): Promise<Uint8Array<ArrayBuffer> | null>;
  /** Writes a temp file and renames it, so a half-downloaded file never looks complete. */
  writeAtomic(path: string, bytes: Uint8Array): Promise<void>;
}

export interface DownloadProgress {
  file: string;
  loaded: number;
  /** Bytes expected in all files together (known sizes plus Content-Length where given). */
  total: number;
  /** Bytes received so far over all files. */
  overall: number;
}

export interface AssetDownloadOptions {
  fetch: (url: string) => Promise<FetchedResponse>;
  store: AssetStore;
  onProgress?: (progress: DownloadProgress) => void;
}

export type AssetDownload = { ok: true; downloaded: string[]; present: string[] } | { ok: false; unavailable: EmbedderUnavailable };

/**
 * Makes sure every file is in the store and intact, downloading only what is missing or damaged.
 * A file is written only after its size and checksum match, so the next start trusts what it finds
 * (and checks it again: a damaged file on disk is downloaded anew). Never throws.
 */
export async function ensureAssets(files: readonly AssetFile[], options: AssetDownloadOptions): Promise<AssetDownload> {
  const downloaded: string[] = [];
  const present: string[] = [];
  const needed: AssetFile[] = [];
  for (const file of files) {
    const existing = await options.store.read(file.path).catch(() => null);
    if (existing && (await verify(file, existing)) === null) present.push(file.path);
    else needed.push(file);
  }
  let total = needed.reduce((sum, file) => sum + (file.size ?? 0), 0);
  let overall = 0;
  for (const file of needed) {
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      const response = await options.fetch(file.url);
      if (!response.ok) return failed(file, `the server answered ${response.status}`);
      const length = Number(response.headers?.get("content-length") ?? NaN);
      if (file.size === undefined && Number.isFinite(length)) total += length;
      bytes = await readBody(response, (loaded) => options.onProgress?.({ file: file.path, loaded, total, overall: overall + loaded }));
    } catch (error) {
      return failed(file, errorMessage(error));
    }
    const problem = await verify(file, bytes);
    if (problem) return failed(file, problem);
    try {
      await options.store.writeAtomic(file.path, bytes);
    } catch (error) {
      return {
        ok: false,
        unavailable: {
          reason: `"${file.path}" could not be saved (${errorMessage(error)})`,
          fix: "Check that the plugin folder is writable and the disk is not full, then reload the plugin.",
        },
      };
    }
    overall += bytes.length;
    downloaded.push(file.path);
  }
  return { ok: true, downloaded, present };
}

/** Null when the bytes are what the file should be, else what is wrong. */
async function verify(file: AssetFile, bytes: Uint8Array<ArrayBuffer>): Promise<string | null> {
  if (file.size !== undefined && bytes.length !== file.size) return `it has ${bytes.length} bytes instead of ${file.size}`;
  if (file.sha256 !== undefined) {
    const actual = toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)));
    if (actual !== file.sha256.toLowerCase()) return "its checksum does not match";
  }
  return null;
}

/** The whole body, reporting progress per chunk when the body can be streamed. */
async function readBody(response: FetchedResponse, onChunk: (loaded: number) => void): Promise<Uint8Array<ArrayBuffer>> {
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onChunk(bytes.length);
    return bytes;
  }
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onChunk(loaded);
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

function failed(file: AssetFile, detail: string): AssetDownload {
  return {
    ok: false,
    unavailable: {
      reason: `"${file.path}" could not be downloaded from ${file.url}: ${detail}`,
      fix: "Check the connection and reload the plugin to try again (finished files are kept), or download the files yourself and set a local model folder.",
    },
  };
}
