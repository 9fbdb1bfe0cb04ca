import type { NoteCluster } from "./clusters";
import type { IndexStatus, NoteSource, SearchResult } from "./index-types";
import type { OpenReport } from "./memory-index";
import type { IndexStorage } from "./persistence";
import type { SearchOptions, SimilarOptions } from "./queries";
import { errorText, PendingCalls } from "./rpc";
import type { FromWorker, IndexCalls, MessageEndpoint, ProgressNotice, Request, ToWorker, VaultCalls, WorkerConfig } from "./worker-protocol";

/**
 * The main thread's handle on the index worker: the API the plugin's views call. Each call is a
 * message round trip; the worker reads notes and the saved index through `vault` and `storage`.
 */
export class IndexClient {
  private readonly pending = new PendingCalls();
  private closedReason: string | null = null;

  constructor(
    private readonly endpoint: MessageEndpoint<FromWorker, ToWorker>,
    vault: NoteSource,
    storage: IndexStorage,
    onProgress?: (done: number, total: number, embedding?: ProgressNotice["embedding"]) => void,
  ) {
    const answer: { [K in keyof VaultCalls]: (params: VaultCalls[K]["params"]) => Promise<VaultCalls[K]["result"]> } = {
      listFiles: () => vault.listFiles(),
      readNote: ({ path }) => vault.readNote(path),
      readIndexFile: () => storage.read(),
      writeIndexFile: ({ bytes }) => storage.writeAtomic(bytes).then(() => null),
    };
    endpoint.listen((message) => {
      if (message.type === "response") return this.pending.settle(message);
      if (message.type === "progress") return onProgress?.(message.done, message.total, message.embedding);
      const handler = answer[message.method] as (params: unknown) => Promise<unknown>;
      handler(message.params).then(
        (result) => endpoint.post({ type: "response", id: message.id, ok: true, result }),
        (error: unknown) => endpoint.post({ type: "response", id: message.id, ok: false, error: errorText(error) }),
      );
    });
  }

  private call<K extends keyof IndexCalls>(method: K, params: IndexCalls[K]["params"]): Promise<IndexCalls[K]["result"]> {
    if (this.closedReason !== null) return Promise.reject(new Error(this.closedReason));
    const { id, done } = this.pending.start<IndexCalls[K]["result"]>();
    this.endpoint.post({ type: "request", id, method, params } as Request<IndexCalls>);
    return done;
  }

  /** Loads the model, restores the saved index and indexes what changed. */
  open(config: WorkerConfig): Promise<OpenReport> {
    return this.call("open", config);
  }
  /** Holds the embedding of the first index after the current batch (full text and searches go on). */
  pauseEmbedding(): Promise<null> {
    return this.call("pause", {});
  }
  resumeEmbedding(): Promise<null> {
    return this.call("resume", {});
  }
  /** Embeds these notes before the rest (the note open in the editor). */
  prioritize(paths: string[]): Promise<null> {
    return this.call("prioritize", { paths });
  }
  searchByMeaning(query: string, options?: SearchOptions): Promise<SearchResult[]> {
    return this.call("search", { query, options });
  }
  findSimilar(note: string, options?: SimilarOptions): Promise<SearchResult[]> {
    return this.call("similar", { note, options });
  }
  suggestMetaSkills(text: string, limit?: number, hidePrivate?: boolean): Promise<SearchResult[]> {
    return this.call("suggestSkills", { text, limit, hidePrivate });
  }
  findSimilarProblems(problem: string, limit?: number, hidePrivate?: boolean): Promise<SearchResult[]> {
    return this.call("similarProblems", { problem, limit, hidePrivate });
  }
  /** How close a text is in meaning to each problem note, by path; null when the index has no vectors for them. */
  problemMeaning(text: string): Promise<Record<string, number> | null> {
    return this.call("problemMeaning", { text });
  }
  detectClusters(ids: string[], k: number): Promise<NoteCluster[]> {
    return this.call("clusters", { ids, k });
  }
  noteVectors(paths: string[]): Promise<Record<string, number[]>> {
    return this.call("noteVectors", { paths });
  }
  status(): Promise<IndexStatus> {
    return this.call("status", {});
  }
  /** Resolves when every vault event sent so far is in the index. */
  idle(): Promise<void> {
    return this.call("idle", {}).then(() => undefined);
  }
  /** Saves the index for the next start; resolves to why it could not, or null. */
  save(): Promise<string | null> {
    return this.call("save", {});
  }

  created(path: string): void {
    this.endpoint.post({ type: "event", event: "created", path });
  }
  modified(path: string): void {
    this.endpoint.post({ type: "event", event: "modified", path });
  }
  deleted(path: string): void {
    this.endpoint.post({ type: "event", event: "deleted", path });
  }
  renamed(from: string, to: string): void {
    this.endpoint.post({ type: "event", event: "renamed", path: to, from });
  }

  /** Fails calls still waiting (call when the worker is terminated). */
  close(reason = "the index worker stopped"): void {
    // Later calls fail at once too: a view must never wait on a worker that is gone.
    this.closedReason = reason;
    this.pending.failAll(reason);
  }
}
