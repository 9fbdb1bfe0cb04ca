import { describe, expect, test } from "vitest";
import { AdapterAssetStore, AdapterBinaryFile, type BinaryAdapter } from "../../../src/adapters/obsidian/adapter-binary-files";

/** An in-memory DataAdapter whose rename refuses to overwrite, like the strictest platform might. */
class MemoryAdapter implements BinaryAdapter {
  files = new Map<string, Uint8Array>();
  folders = new Set<string>();
  exists(path: string): Promise<boolean> {
    return Promise.resolve(this.files.has(path) || this.folders.has(path));
  }
  readBinary(path: string): Promise<ArrayBuffer> {
    const bytes = this.files.get(path);
    return bytes ? Promise.resolve(bytes.slice().buffer) : Promise.reject(new Error(`ENOENT ${path}`));
  }
  writeBinary(path: string, data: ArrayBuffer): Promise<void> {
    const folder = path.slice(0, path.lastIndexOf("/"));
    if (folder && !this.folders.has(folder)) return Promise.reject(new Error(`no folder ${folder}`));
    this.files.set(path, new Uint8Array(data.slice(0)));
    return Promise.resolve();
  }
  rename(from: string, to: string): Promise<void> {
    if (this.files.has(to)) return Promise.reject(new Error(`EEXIST ${to}`));
    this.files.set(to, this.files.get(from)!);
    this.files.delete(from);
    return Promise.resolve();
  }
  remove(path: string): Promise<void> {
    this.files.delete(path);
    return Promise.resolve();
  }
  mkdir(path: string): Promise<void> {
    for (let at = path.indexOf("/"); at >= 0; at = path.indexOf("/", at + 1)) this.folders.add(path.slice(0, at));
    this.folders.add(path);
    return Promise.resolve();
  }
}

describe("AdapterBinaryFile", () => {
  test("missing reads as null; writes create the folder, replace the file and leave no temp file", async () => {
    const adapter = new MemoryAdapter();
    const file = new AdapterBinaryFile(adapter, ".obsidian/plugins/lifebetter/cache/embeddings.bin");
    expect(await file.read()).toBeNull();
    await file.writeAtomic(new Uint8Array([1, 2, 3]));
    await file.writeAtomic(new Uint8Array([7, 8, 9, 10]).subarray(1));
    expect(await file.read()).toEqual(new Uint8Array([8, 9, 10]));
    expect([...adapter.files.keys()]).toEqual([".obsidian/plugins/lifebetter/cache/embeddings.bin"]);
  });

  test("AdapterAssetStore keeps files under its folder", async () => {
    const adapter = new MemoryAdapter();
    const store = new AdapterAssetStore(adapter, ".obsidian/plugins/lifebetter/models/Xenova/all-MiniLM-L6-v2");
    await store.writeAtomic("onnx/model_quantized.onnx", new Uint8Array([5]));
    expect(await store.read("onnx/model_quantized.onnx")).toEqual(new Uint8Array([5]));
    expect(await store.read("config.json")).toBeNull();
    expect(adapter.files.has(".obsidian/plugins/lifebetter/models/Xenova/all-MiniLM-L6-v2/onnx/model_quantized.onnx")).toBe(true);
  });
});
