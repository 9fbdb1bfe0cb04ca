import { joinedBuffer, type BinaryFile, type FileBytes } from "../../src/core/embed/binary-file";

/** A BinaryFile in memory that counts writes. */
export class MemoryBinaryFile implements BinaryFile {
  writes = 0;
  constructor(public bytes: Uint8Array<ArrayBuffer> | null = null) {}

  read(): Promise<Uint8Array<ArrayBuffer> | null> {
    return Promise.resolve(this.bytes ? this.bytes.slice() : null);
  }

  writeAtomic(bytes: FileBytes): Promise<void> {
    this.bytes = new Uint8Array(joinedBuffer(bytes));
    this.writes++;
    return Promise.resolve();
  }
}
