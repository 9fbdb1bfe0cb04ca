import { joinedBuffer, type BinaryFile, type FileBytes } from "../../core/embed/binary-file";

const DATABASE = "lifebetter";
const STORE = "files";

/**
 * One binary file kept in the app's IndexedDB under a key (e.g. the saved index of one vault).
 * IndexedDB is per device and outside the vault, so sync never copies or fights over it. A put is
 * one transaction: a reader sees the old or the new bytes, never half. The database is opened per
 * call and closed after, so nothing stays open once the plugin is unloaded.
 */
export class IndexedDbBinaryFile implements BinaryFile {
  constructor(
    readonly key: string,
    private readonly factory: IDBFactory,
  ) {}

  /** The bytes, or null when there are none or they cannot be read (the index is then rebuilt). */
  async read(): Promise<Uint8Array<ArrayBuffer> | null> {
    try {
      const value = await this.run("readonly", (store) => store.get(this.key));
      if (value instanceof ArrayBuffer) return new Uint8Array(value);
      return null;
    } catch {
      return null;
    }
  }

  async writeAtomic(bytes: FileBytes): Promise<void> {
    // Stored as an ArrayBuffer of exactly these bytes (a view may sit inside a larger buffer).
    const copy = joinedBuffer(bytes);
    await this.run("readwrite", (store) => store.put(copy, this.key));
  }

  /** Runs one request in its own transaction; resolves once the transaction has committed. */
  private async run(mode: IDBTransactionMode, request: (store: IDBObjectStore) => IDBRequest): Promise<unknown> {
    const db = await openDatabase(this.factory);
    try {
      return await new Promise<unknown>((resolve, reject) => {
        const transaction = db.transaction(STORE, mode);
        const pending = request(transaction.objectStore(STORE));
        transaction.oncomplete = () => resolve(pending.result);
        transaction.onerror = () => reject(transaction.error ?? new Error("IndexedDB transaction failed"));
        transaction.onabort = () => reject(transaction.error ?? new Error("IndexedDB transaction was aborted"));
      });
    } finally {
      db.close();
    }
  }
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DATABASE, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB could not be opened"));
    // Another window holds an older version open: fail rather than wait forever.
    request.onblocked = () => reject(new Error("IndexedDB is blocked by another window"));
  });
}

/** The key of a vault's saved index: Obsidian's per-vault app id, else the vault's name. */
export function indexStorageKey(appId: string | undefined, vaultName: string): string {
  return `index:${appId && appId !== "" ? appId : `vault:${vaultName}`}`;
}
