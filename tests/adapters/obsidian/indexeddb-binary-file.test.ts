import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { IndexedDbBinaryFile, indexStorageKey } from "../../../src/adapters/obsidian/indexeddb-binary-file";

describe("IndexedDbBinaryFile", () => {
  it("reads null before the first write, then the bytes of the last write", async () => {
    const factory = new IDBFactory();
    const file = new IndexedDbBinaryFile("index:vault-a", factory);
    expect(await file.read()).toBeNull();
    await file.writeAtomic(new Uint8Array([1, 2, 3]));
    // A view into a larger buffer stores only its own bytes.
    await file.writeAtomic(new Uint8Array([7, 8, 9, 10]).subarray(1, 3));
    expect(await file.read()).toEqual(new Uint8Array([8, 9]));
    // Another handle on the same database (a restart) sees the same bytes.
    expect(await new IndexedDbBinaryFile("index:vault-a", factory).read()).toEqual(new Uint8Array([8, 9]));
  });

  it("keeps each vault's index under its own key", async () => {
    const factory = new IDBFactory();
    const a = new IndexedDbBinaryFile(indexStorageKey("app-1", "Notes"), factory);
    const b = new IndexedDbBinaryFile(indexStorageKey("app-2", "Notes"), factory);
    await a.writeAtomic(new Uint8Array([1]));
    await b.writeAtomic(new Uint8Array([2]));
    expect(await a.read()).toEqual(new Uint8Array([1]));
    expect(await b.read()).toEqual(new Uint8Array([2]));
    expect(indexStorageKey(undefined, "Notes")).toBe("index:vault:Notes");
  });

  it("reads null when IndexedDB fails, so the index is rebuilt", async () => {
    const broken = {
      open: () => {
        throw new Error("IndexedDB is disabled");
      },
    } as unknown as IDBFactory;
    expect(await new IndexedDbBinaryFile("index:x", broken).read()).toBeNull();
    await expect(new IndexedDbBinaryFile("index:x", broken).writeAtomic(new Uint8Array([1]))).rejects.toThrow(/disabled/);
  });

  it("reads null for a value that is not bytes (written by something else)", async () => {
    const factory = new IDBFactory();
    const file = new IndexedDbBinaryFile("index:odd", factory);
    await file.writeAtomic(new Uint8Array([1]));
    const open = factory.open("lifebetter", 1);
    await new Promise((resolve) => (open.onsuccess = resolve));
    const tx = open.result.transaction("files", "readwrite");
    tx.objectStore("files").put("not bytes", "index:odd");
    await new Promise((resolve) => (tx.oncomplete = resolve));
    open.result.close();
    expect(await file.read()).toBeNull();
  });
});
