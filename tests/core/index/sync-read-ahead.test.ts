import { describe, expect, it } from "vitest";
import type { NoteSource } from "../../../src/core/index/index-types";
import { READ_AHEAD_BYTES } from "../../../src/core/index/note-index";
import { memoryIndex } from "../../support/index-fixtures";
import { MemoryVault } from "../../support/memory-vault";

function vaultOf(count: number): MemoryVault {
  const notes: Record<string, string> = {};
  for (let i = 0; i < count; i++) notes[`Note ${String(i).padStart(2, "0")}.md`] = `# Topic ${i}\n\nWords about sourdough number ${i}.`;
  return new MemoryVault(notes);
}

/** The vault served with a delay per read, counting how many reads are in flight at once. */
function slowSource(vault: MemoryVault, failing?: string): NoteSource & { maxInFlight: number } {
  let inFlight = 0;
  const source = {
    maxInFlight: 0,
    listFiles: () => vault.listFiles(),
    async readNote(path: string) {
      inFlight++;
      source.maxInFlight = Math.max(source.maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight--;
      if (path === failing) throw new Error(`the main thread could not read ${path}`);
      return vault.readNote(path);
    },
  };
  return source;
}

describe("the first index reads notes ahead", () => {
  it("keeps several reads in flight (a slow disk or the worker's round trips do not add up) and indexes every note in listing order", async () => {
    const vault = vaultOf(40);
    const source = slowSource(vault);
    const index = memoryIndex(source, null);
    const progress: number[] = [];
    await index.open((done) => progress.push(done));
    expect(source.maxInFlight).toBeGreaterThan(4);
    expect(index.status().notes).toBe(40);
    // Numbered in listing order, as when notes were read one at a time.
    const order = [...index.index.notes.values()].sort((a, b) => a.no - b.no).map((n) => n.record.path);
    expect(order).toEqual((await vault.listFiles()).map((f) => f.path));
    expect(progress.at(-1)).toBe(40);
    const hits = await index.searchByMeaning("sourdough", { limit: 50 });
    expect(hits).toHaveLength(40);
    index.dispose();
  });

  it("holds at most a few megabytes of notes read ahead, however many notes that is", async () => {
    const notes: Record<string, string> = {};
    // Each note is a third of the read-ahead's bytes: three fit, the fourth waits.
    for (let i = 0; i < 12; i++) notes[`Big ${String(i).padStart(2, "0")}.md`] = `# Big ${i}\n\n${"sourdough ".repeat(READ_AHEAD_BYTES / 30)}`;
    const source = slowSource(new MemoryVault(notes));
    const index = memoryIndex(source, null);
    await index.open();
    expect(source.maxInFlight).toBeGreaterThan(1);
    expect(source.maxInFlight).toBeLessThanOrEqual(3);
    expect(index.status().notes).toBe(12);
    index.dispose();
  });

  it("a read that fails fails the sync with its own error, and nothing goes unhandled", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const index = memoryIndex(slowSource(vaultOf(40), "Note 05.md"), null);
      await expect(index.open()).rejects.toThrow("could not read Note 05.md");
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
      index.dispose();
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
