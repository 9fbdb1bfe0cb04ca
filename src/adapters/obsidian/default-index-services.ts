import type { App } from "obsidian";
import { bundledWorkerStarter } from "./bundled-worker";
import { IndexedDbBinaryFile, indexStorageKey } from "./indexeddb-binary-file";
import type { IndexServices } from "./plugin-index";
import { requestUrlFetch } from "./request-fetch";

/** Obsidian's own: the worker bundled into main.js, requestUrl, and IndexedDB for the saved index. */
export function defaultIndexServices(app: App): IndexServices {
  return {
    startWorker: bundledWorkerStarter(),
    fetch: requestUrlFetch,
    // appId is Obsidian's per-vault id (not in its typings); two vaults of one name stay apart with it.
    storage: () => new IndexedDbBinaryFile(indexStorageKey((app as App & { appId?: string }).appId, app.vault.getName()), window.indexedDB),
  };
}
