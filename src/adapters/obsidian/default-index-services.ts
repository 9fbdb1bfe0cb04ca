import type { App } from "obsidian";
import { bundledWorkerStarter } from "./bundled-worker";
import { IndexedDbBinaryFile, indexStorageKey } from "./indexeddb-binary-file";
import type { FetchedResponse } from "../../core/embed/asset-download";
import type { BinaryFile } from "../../core/embed/binary-file";
import type { StartIndexWorker } from "./index-host";
import { requestUrlFetch } from "./request-fetch";

/** What differs between Obsidian and the tests: the worker, the network, where the index is saved. */
export interface IndexServices {
  /** Null when the build has no worker: then there is no index (and nothing is downloaded). */
  startWorker: StartIndexWorker | null;
  fetch: (url: string) => Promise<FetchedResponse>;
  storage: () => BinaryFile;
}

/** Obsidian's own: the worker bundled into main.js, requestUrl, and IndexedDB for the saved index. */
export function defaultIndexServices(app: App): IndexServices {
  return {
    startWorker: bundledWorkerStarter(),
    fetch: requestUrlFetch,
    // appId is Obsidian's per-vault id (not in its typings); two vaults of one name stay apart with it.
    storage: () => new IndexedDbBinaryFile(indexStorageKey((app as App & { appId?: string }).appId, app.vault.getName()), window.indexedDB),
  };
}
