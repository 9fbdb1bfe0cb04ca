import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { joinedBuffer } from "../../../src/core/embed/binary-file";
import { NoteIndex } from "../../../src/core/index/note-index";
import { INDEX_FORMAT_VERSION, restoreIndex, serializeIndex } from "../../../src/core/index/persistence";
import { FakeEmbedder } from "../../support/fake-embedder";
import { indexSnapshot, memoryIndex, MemoryStorage, testTimers } from "../../support/index-fixtures";
import { MemoryVault } from "../../support/memory-vault";

function sampleVault(): MemoryVault {
  const long = Array.from({ length: 40 }, (_, i) => `sentence ${i} about sleep and focus`).join(". ");
  return new MemoryVault({
    "A.md": "---\nkind: entry\ntype: insight\ntags: [sleep]\n---\nSleep before nine makes mornings calm.",
    "B.md": `# Study\n\n## Method\n\n${long}\n\n## Results\n\n${long} results`,
    "C.md": "Bread and [[A]] link.",
  });
}

async function savedIndex(): Promise<{ vault: MemoryVault; storage: MemoryStorage; embedder: FakeEmbedder }> {
  const vault = sampleVault();
  const storage = new MemoryStorage();
  const embedder = new FakeEmbedder();
  const index = memoryIndex(vault, embedder, { storage });
  await index.open();
  await index.save();
  return { vault, storage, embedder };
}

describe("the saved index", () => {
  it("restores to the same index and a second start computes no embedding and reads no unchanged note", async () => {
    const { vault, storage } = await savedIndex();
    const first = memoryIndex(vault, new FakeEmbedder());
    await first.open();
    const embedder = new FakeEmbedder();
    const reads: string[] = [];
    vault.beforeRead = (path) => {
      reads.push(path);
      return Promise.resolve();
    };
    const restored = memoryIndex(vault, embedder, { storage });
    const report = await restored.open();
    expect(report.restored).toBe(true);
    expect(embedder.texts).toEqual([]);
    expect(reads).toEqual([]);
    expect(indexSnapshot(restored)).toEqual(indexSnapshot(first));
    expect((await restored.searchByMeaning("calm mornings"))[0]?.path).toBe("A.md");
  });

  it("re-reads only the notes changed while it was closed", async () => {
    const { vault, storage } = await savedIndex();
    vault.write("C.md", "Bread and butter.");
    vault.delete("A.md");
    const embedder = new FakeEmbedder();
    const restored = memoryIndex(vault, embedder, { storage });
    await restored.open();
    expect(embedder.texts).toEqual(["Bread and butter."]);
    expect([...restored.index.notes.keys()].sort()).toEqual(["B.md", "C.md"]);
  });

  it("is rebuilt, never trusted, when truncated or flipped at any offset", async () => {
    const { vault, storage } = await savedIndex();
    const good = storage.bytes!;
    const fresh = memoryIndex(vault, new FakeEmbedder());
    await fresh.open();
    const expected = indexSnapshot(fresh);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: good.length - 1 }), fc.boolean(), fc.integer({ min: 1, max: 255 }), async (offset, truncate, flip) => {
        const bad = truncate ? good.slice(0, offset) : good.slice();
        if (!truncate) bad[offset]! ^= flip;
        const damaged = new MemoryStorage();
        damaged.bytes = bad;
        const index = memoryIndex(vault, new FakeEmbedder(), { storage: damaged });
        const report = await index.open();
        expect(report.restored).toBe(false);
        expect(report.restoreProblem).toMatch(/truncated|corrupt|not a LifeBetter|older format/);
        expect(indexSnapshot(index)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it("is rebuilt, not misread, when saved by an older version (the previous format kept Orama's own trees)", async () => {
    const { vault, storage } = await savedIndex();
    const older = new MemoryStorage();
    older.bytes = storage.bytes!.slice();
    new DataView(older.bytes.buffer).setUint32(4, INDEX_FORMAT_VERSION - 1, true);
    const fresh = memoryIndex(vault, new FakeEmbedder());
    await fresh.open();
    const index = memoryIndex(vault, new FakeEmbedder(), { storage: older });
    const report = await index.open();
    expect(report).toMatchObject({ restored: false, restoreProblem: expect.stringMatching(/older format/) as unknown });
    expect(indexSnapshot(index)).toEqual(indexSnapshot(fresh));
  });

  it("drops saved vectors of another model and re-embeds with the current one", async () => {
    const { vault, storage } = await savedIndex();
    const other = new FakeEmbedder(32, "test/other-model");
    const index = memoryIndex(vault, other, { storage });
    const report = await index.open();
    expect(report.restored).toBe(true);
    // Every text once (a long note's own vector is the mean of its passages: no text of its own).
    const texts = new Set([...index.index.notes.values()].flatMap((n) => n.embedTexts.filter((t) => t.kind !== "mean").map((t) => t.hash)));
    expect(other.texts.length).toBe(texts.size);
    expect(index.index.noteVectors!.size).toBe(index.index.notes.size);
    expect(index.index.noteVectors?.dimensions).toBe(32);
  });

  it("reports a save that failed instead of throwing, and the next start rebuilds", async () => {
    const vault = sampleVault();
    const failing = new MemoryStorage();
    failing.writeAtomic = () => Promise.reject(new Error("disk full"));
    const index = memoryIndex(vault, new FakeEmbedder(), { storage: failing });
    await index.open();
    expect(await index.save()).toMatch(/could not be saved \(disk full\)/);
    const next = await memoryIndex(vault, new FakeEmbedder(), { storage: failing }).open();
    expect(next.restored).toBe(false);
  });

  it("keeps note records exactly through serialize and restore", async () => {
    const index = new NoteIndex({ embedder: { embedder: new FakeEmbedder() }, timers: testTimers });
    index.apply({ path: "x.md", size: 5, mtime: 1, ctime: 1 }, "hello world");
    const copy = new NoteIndex({ embedder: { embedder: new FakeEmbedder() }, timers: testTimers });
    expect(await restoreIndex(copy, new Uint8Array(joinedBuffer(await serializeIndex(index))))).toBeNull();
    expect(copy.notes.get("x.md")?.record).toEqual(index.notes.get("x.md")?.record);
  });
});
