import type { EmbedderStatus } from "./embedder-status";
import type { NoteSource } from "./index-types";
import { MemoryIndex } from "./memory-index";
import type { NoteExtractor } from "./note-extractor";
import type { IndexStorage } from "./persistence";
import { errorText, PendingCalls } from "./rpc";
import type { Timers } from "./timers";
import type { FromWorker, IndexCalls, MessageEndpoint, Request, ToWorker, VaultCalls, WorkerConfig } from "./worker-protocol";

/** What differs between the browser worker and a Node worker_threads worker. */
export interface WorkerEnvironment {
  timers: Timers;
  /** Loads the model named in the settings (never throws: unavailable says why). */
  loadEmbedder(config: WorkerConfig): Promise<EmbedderStatus>;
  /** Starts the extraction workers a large sync uses (config.extractWorkers); absent: this worker extracts. */
  startExtractor?(config: WorkerConfig): Promise<NoteExtractor>;
}

/**
 * The worker side: owns one MemoryIndex, answers the main thread's requests, and reaches the vault
 * and the saved index file through requests back to the main thread.
 */
export function serveIndex(endpoint: MessageEndpoint<ToWorker, FromWorker>, environment: WorkerEnvironment): void {
  const pending = new PendingCalls();
  let memory: MemoryIndex | null = null;

  const call = <K extends keyof VaultCalls>(method: K, params: VaultCalls[K]["params"]): Promise<VaultCalls[K]["result"]> => {
    const { id, done } = pending.start<VaultCalls[K]["result"]>();
    endpoint.post({ type: "request", id, method, params } as Request<VaultCalls>);
    return done;
  };
  const source: NoteSource = {
    listFiles: () => call("listFiles", {}),
    readNote: (path) => call("readNote", { path }),
  };
  const storage: IndexStorage = {
    read: () => call("readIndexFile", {}),
    writeAtomic: (bytes) => call("writeIndexFile", { bytes }).then(() => undefined),
  };
  const opened = (): MemoryIndex => {
    if (!memory) throw new Error("the index is not open yet");
    return memory;
  };

  const handlers: { [K in keyof IndexCalls]: (params: IndexCalls[K]["params"]) => Promise<IndexCalls[K]["result"]> | IndexCalls[K]["result"] } = {
    open: async (config) => {
      memory?.dispose();
      const embedder = await environment.loadEmbedder(config);
      memory = new MemoryIndex({
        source,
        storage,
        embedder,
        timers: environment.timers,
        excludedFolders: config.excludedFolders,
        debounceMs: config.debounceMs,
        ...(environment.startExtractor ? { startExtractor: () => environment.startExtractor!(config) } : {}),
      });
      return memory.open(
        (done, total) => endpoint.post({ type: "progress", done, total }),
        ({ done, total, ...embedding }) => endpoint.post({ type: "progress", done, total, embedding }),
      );
    },
    search: ({ query, options }) => opened().searchByMeaning(query, options),
    similar: ({ note, options }) => opened().findSimilar(note, options),
    suggestSkills: ({ text, limit, hidePrivate }) => opened().suggestMetaSkills(text, limit, hidePrivate),
    similarProblems: ({ problem, limit, hidePrivate }) => opened().findSimilarProblems(problem, limit, hidePrivate),
    problemMeaning: ({ text }) => opened().problemMeaning(text),
    clusters: ({ ids, k }) => opened().detectClusters(ids, k),
    noteVectors: ({ paths }) => opened().noteVectors(paths),
    status: () => opened().status(),
    idle: async () => {
      await opened().idle();
      return null;
    },
    save: () => opened().save(),
    pause: () => {
      opened().pause();
      return null;
    },
    resume: () => {
      opened().resume();
      return null;
    },
    prioritize: ({ paths }) => {
      opened().prioritize(paths);
      return null;
    },
  };

  endpoint.listen((message) => {
    if (message.type === "response") return pending.settle(message);
    if (message.type === "event") {
      const index = memory;
      if (!index) return;
      if (message.event === "renamed") index.renamed(message.from, message.path);
      else index[message.event](message.path);
      return;
    }
    const handler = handlers[message.method] as (params: unknown) => unknown;
    Promise.resolve()
      .then(() => handler(message.params))
      .then(
        (result) => endpoint.post({ type: "response", id: message.id, ok: true, result }),
        (error: unknown) => endpoint.post({ type: "response", id: message.id, ok: false, error: errorText(error) }),
      );
  });
}
