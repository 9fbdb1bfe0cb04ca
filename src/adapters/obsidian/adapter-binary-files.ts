import type { DataAdapter } from "obsidian";
import type { AssetStore } from "../../core/embed/asset-download";
import { joinedBuffer, type BinaryFile, type FileBytes } from "../../core/embed/binary-file";

/** The part of Obsidian's DataAdapter these files use (desktop and mobile alike). */
export type BinaryAdapter = Pick<DataAdapter, "exists" | "readBinary" | "writeBinary" | "rename" | "remove" | "mkdir">;

/**
 * A binary file in the vault's config folder (e.g. the plugin folder), written as `<path>.tmp` and
 * then renamed over the old file. The adapter's rename is not documented to replace a file, so the
 * old one is removed first: a crash in between leaves no file, which the next load treats as
 * missing (a checksum guards the content, not the name).
 */
export class AdapterBinaryFile implements BinaryFile {
  constructor(
    private readonly adapter: BinaryAdapter,
    readonly path: string,
  ) {}

  async read(): Promise<Uint8Array<ArrayBuffer> | null> {
    if (!(await this.adapter.exists(this.path))) return null;
    return new Uint8Array(await this.adapter.readBinary(this.path));
  }

  async writeAtomic(bytes: FileBytes): Promise<void> {
    const folder = this.path.includes("/") ? this.path.slice(0, this.path.lastIndexOf("/")) : "";
    if (folder && !(await this.adapter.exists(folder))) await this.adapter.mkdir(folder);
    const temp = `${this.path}.tmp`;
    await this.adapter.writeBinary(temp, toArrayBuffer(bytes));
    if (await this.adapter.exists(this.path)) await this.adapter.remove(this.path);
    await this.adapter.rename(temp, this.path);
  }
}

/** Downloaded runtime files (model, WASM) under one folder of the plugin. */
export class AdapterAssetStore implements AssetStore {
  constructor(
    private readonly adapter: BinaryAdapter,
    readonly folder: string,
  ) {}

  read(path: string): Promise<Uint8Array<ArrayBuffer> | null> {
    return new AdapterBinaryFile(this.adapter, `${this.folder}/${path}`).read();
  }

  writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
    return new AdapterBinaryFile(this.adapter, `${this.folder}/${path}`).writeAtomic(bytes);
  }
}

/** writeBinary takes one ArrayBuffer: the view's own bytes, copied only when it is a slice or in parts. */
function toArrayBuffer(bytes: FileBytes): ArrayBuffer {
  if (bytes instanceof Uint8Array && bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength)
    return bytes.buffer;
  return joinedBuffer(bytes);
}
