import { promises as fs } from "node:fs";
import * as nodePath from "node:path";
import { randomUUID } from "node:crypto";
import { partsOf, type BinaryFile, type FileBytes } from "../../core/embed/binary-file";

/** A binary file on disk, replaced by writing a temp file beside it, syncing it, then renaming. */
export class NodeBinaryFile implements BinaryFile {
  constructor(readonly path: string) {}

  async read(): Promise<Uint8Array<ArrayBuffer> | null> {
    try {
      const buffer = await fs.readFile(this.path);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async writeAtomic(bytes: FileBytes): Promise<void> {
    await fs.mkdir(nodePath.dirname(this.path), { recursive: true });
    const temp = `${this.path}.${randomUUID()}.tmp`;
    try {
      const handle = await fs.open(temp, "w");
      try {
        // Part by part: a file in parts is never joined in memory.
        for (const part of partsOf(bytes)) {
          for (let at = 0; at < part.byteLength;) at += (await handle.write(part, at, part.byteLength - at)).bytesWritten;
        }
        await handle.sync(); // the bytes are on disk before the rename makes them the file
      } finally {
        await handle.close();
      }
      await fs.rename(temp, this.path);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }
}
