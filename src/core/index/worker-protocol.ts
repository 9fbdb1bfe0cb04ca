import type { NoteCluster } from "./clusters";
import type { IndexStatus, NoteRead, SearchResult } from "./index-types";
import type { EmbedProgress, OpenReport } from "./memory-index";
import type { SearchOptions, SimilarOptions } from "./queries";
import type { VaultFile } from "../vault/repository";
import type { EmbeddingDevice } from "../embed/embed-device";
import type { FileBytes } from "../embed/binary-file";

/**
 * Messages between the main thread (which owns the vault) and the index worker (which owns the
 * index and the model). Both sides send requests with an `id` and answer with the same `id`:
 * the main thread asks for searches; the worker asks the main thread for files, because a worker
 * cannot reach Obsidian's vault API. Everything is structured-clone data.
 */

/** What the worker needs to start: its model (or none) and the folders to leave out. */
export interface WorkerConfig {
  /** A model id or folder as in the settings; null runs full text only. */
  model: string | null;
  /**
   * In the plugin: the model's files and the ONNX runtime's WASM as bytes, read from the plugin
   * folder by the main thread (see core/embed/web-embedder.ts), so the worker fetches nothing.
   */
  modelFiles?: {
    files: Map<string, Uint8Array<ArrayBuffer>>;
    wasmBinary?: Uint8Array<ArrayBuffer>;
    threads?: number;
    /** onnxruntime-web's WebGPU build's WASM (default-assets.ts), given when `device` is "webgpu". */
    gpuWasmBinary?: Uint8Array<ArrayBuffer>;
  };
  /** Where to run the model, as the main thread chose it (chooseEmbeddingDevice); "wasm" when absent. */
  device?: EmbeddingDevice;
  /** Why WASM is used although WebGPU was wanted (no adapter, its WASM could not be fetched). */
  deviceNote?: string;
  excludedFolders: string[];
  debounceMs?: number;
  /** Embedding workers this one starts (1 when absent); none when it is 1 and `embedHere` is set (this one embeds). */
  embedWorkers?: number;
  /**
   * The model runs in this worker when it embeds alone (a phone: no nested worker, one runtime
   * fewer in memory). Elsewhere even one embedding worker is a worker of its own, so this one stays
   * free for queries while a first index embeds, and hands it the next batch while one computes.
   */
  embedHere?: boolean;
  /** Workers that parse notes in a large sync (a first index); this one does when absent or 0 (a phone). */
  extractWorkers?: number;
}

/** Requests the main thread sends to the worker, and what each answers. */
export interface IndexCalls {
  open: { params: WorkerConfig; result: OpenReport };
  search: { params: { query: string; options?: SearchOptions }; result: SearchResult[] };
  similar: { params: { note: string; options?: SimilarOptions }; result: SearchResult[] };
  suggestSkills: { params: { text: string; limit?: number; hidePrivate?: boolean }; result: SearchResult[] };
  similarProblems: { params: { problem: string; limit?: number; hidePrivate?: boolean }; result: SearchResult[] };
  /** How close a text is in meaning to each problem note (conversation → problem); null means "go by words". */
  problemMeaning: { params: { text: string }; result: Record<string, number> | null };
  clusters: { params: { ids: string[]; k: number }; result: NoteCluster[] };
  /** The note vector of each path that has one (the pattern engine reads themes by meaning from them). */
  noteVectors: { params: { paths: string[] }; result: Record<string, number[]> };
  status: { params: Record<string, never>; result: IndexStatus };
  idle: { params: Record<string, never>; result: null };
  /** Embedding: hold after the current batch, go on, or embed these notes next (the open note). */
  pause: { params: Record<string, never>; result: null };
  resume: { params: Record<string, never>; result: null };
  prioritize: { params: { paths: string[] }; result: null };
  /** Why the index could not be saved, or null. */
  save: { params: Record<string, never>; result: string | null };
}

/** Requests the worker sends to the main thread for vault and storage access. */
export interface VaultCalls {
  listFiles: { params: Record<string, never>; result: VaultFile[] };
  readNote: { params: { path: string }; result: NoteRead | { unreadable: string } | null };
  readIndexFile: { params: Record<string, never>; result: Uint8Array | null };
  /** The file in parts (serializeIndex): the worker never holds a joined copy. */
  writeIndexFile: { params: { bytes: FileBytes }; result: null };
}

/** Vault events: fire and forget, debounced in the worker. */
export type VaultEvent =
  { type: "event"; event: "created" | "modified" | "deleted"; path: string } | { type: "event"; event: "renamed"; path: string; from: string };

export type Request<Calls> = {
  [K in keyof Calls]: { type: "request"; id: number; method: K; params: Calls[K] extends { params: infer P } ? P : never };
}[keyof Calls];

export type Response = { type: "response"; id: number; ok: true; result: unknown } | { type: "response"; id: number; ok: false; error: string };

/** Progress of the first build, so the status bar can show it. */
export interface ProgressNotice {
  type: "progress";
  done: number;
  total: number;
  /** Absent: notes read for full text. "embedding": texts embedded, with the rate and time left. */
  embedding?: Omit<EmbedProgress, "done" | "total">;
}

export type ToWorker = Request<IndexCalls> | VaultEvent | Response;
export type FromWorker = Request<VaultCalls> | Response | ProgressNotice;

/** The one thing both ends need from a Worker, a worker_threads port or `self`. */
export interface MessageEndpoint<In, Out> {
  post(message: Out): void;
  listen(handler: (message: In) => void): void;
}
