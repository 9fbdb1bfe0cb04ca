import type { RecordKind } from "../schema/kinds";
import type { WorkerLoad } from "../embed/embedder";
import type { VaultFile } from "../vault/repository";

/**
 * A note as the index reads it. `properties`: its frontmatter as the host already parsed it for this
 * text (Obsidian's metadataCache), so the index does not parse the YAML again; absent where the host
 * has nothing (the CLI, a note Obsidian has not cached): then the index parses it itself.
 */
export interface NoteRead {
  file: VaultFile;
  text: string;
  properties?: Record<string, unknown>;
}

/** Where the index reads notes from: the vault repository, or the main thread from inside the worker. */
export interface NoteSource {
  listFiles(): Promise<VaultFile[]>;
  /**
   * The note's file state and text, or null when it is gone (deleted while being indexed) or is not
   * readable text (then `unreadable` says why).
   */
  readNote(path: string): Promise<NoteRead | { unreadable: string } | null>;
}

/** One search result, as every search-like command and view shows it. */
export interface SearchResult {
  path: string;
  id: string | null;
  title: string;
  kind: RecordKind | null;
  /** An entry's `type` (question, insight, …), when it has one. */
  type?: string;
  score: number;
  /** The note is `private: true` (shown only when the user asks for private records). */
  private?: true;
  /** Similar notes only: the note links to it or it links to the note already. */
  linked?: true;
  /** Why it matched (shared tags or links, meaning, words, the best heading section). */
  reasons?: string[];
  /** A short excerpt: the passage with the most of the query's words (else the note's beginning). */
  snippet?: string;
  /** Where the query's words are in `snippet`: [start, end) character offsets, for highlighting. */
  highlights?: [number, number][];
}

export type EmbeddingState =
  /**
   * `workers`: how many embed at once (a pool of workers on a first index), 1 for one. `device`:
   * where the model runs; `deviceNote`: why it is not WebGPU when WebGPU was wanted. `workerLoad`:
   * each embedding worker's time computing and waiting for work (a debug stat).
   */
  | { state: "ready"; modelId: string; workers?: number; device?: "webgpu" | "wasm" | "cpu"; deviceNote?: string; workerLoad?: WorkerLoad[] }
  | { state: "unavailable"; reason: string; fix: string };

export interface IndexStatus {
  notes: number;
  /** Heading-path chunks with their own vector. */
  chunks: number;
  /** Notes still waiting for their vectors. */
  pendingEmbeddings: number;
  /** Embeddings computed by the model since the index was opened. */
  embedded: number;
  /** Embeddings taken from the index, the reuse pool or the cache instead of the model. */
  reused: number;
  skipped: { path: string; reason: string }[];
  embeddings: EmbeddingState;
}
