import { describe, expect, it } from "vitest";
import { FakeEmbedder } from "../../support/fake-embedder";
import { memoryIndex } from "../../support/index-fixtures";
import { MemoryVault } from "../../support/memory-vault";

/** An embedder that says how many word pieces its model reads (as TransformersEmbedder does). */
class ShortModel extends FakeEmbedder {
  readonly maxTokens = 128;
}

const essay = Array.from({ length: 12 }, (_, p) =>
  Array.from({ length: 8 }, (_, s) => `Paragraph ${p} sentence ${s} discusses topic${p} at length.`).join(" "),
).join("\n\n");

describe("no redundant model passes", () => {
  it("a long note costs one pass over its text: its passages, and no truncated copy of the whole", async () => {
    const embedder = new FakeEmbedder();
    const index = memoryIndex(new MemoryVault({ "Essay.md": essay }), embedder);
    await index.open();
    const passages = embedder.texts;
    expect(passages.length).toBeGreaterThan(1);
    // Every word is read once: the passages hold the note's text exactly once between them.
    expect(passages.join(" ").split(/\s+/).length).toBe(essay.split(/\s+/).length);
    expect(index.index.noteVectors?.size).toBe(1);
    expect(index.index.chunkVectors?.size).toBe(passages.length);
    expect((await index.searchByMeaning("topic7", { limit: 1 }))[0]?.path).toBe("Essay.md");
  });

  it("passages follow the model's sequence length", async () => {
    const long = new FakeEmbedder();
    const short = new ShortModel();
    await memoryIndex(new MemoryVault({ "Essay.md": essay }), long).open();
    await memoryIndex(new MemoryVault({ "Essay.md": essay }), short).open();
    expect(short.texts.length).toBeGreaterThan(long.texts.length);
  });

  it("texts that differ only in spaces and case are embedded once", async () => {
    const embedder = new FakeEmbedder();
    const index = memoryIndex(new MemoryVault({ "A.md": "Fix the  flaky test", "B.md": "fix the flaky TEST", "C.md": "something else" }), embedder);
    await index.open();
    expect(embedder.texts).toHaveLength(2);
    expect(index.index.noteVectors?.size).toBe(3);
    const similar = await index.findSimilar("A");
    expect(similar[0]?.path).toBe("B.md");
  });

  it("a note whose text another note already has is not embedded again, even in a later batch", async () => {
    const embedder = new FakeEmbedder();
    const vault = new MemoryVault({ "A.md": "Water the tomatoes every morning", "Other.md": "something else" });
    const index = memoryIndex(vault, embedder);
    await index.open();
    expect(embedder.texts).toHaveLength(2);
    vault.write("Copy.md", "water the tomatoes   every morning");
    index.modified("Copy.md");
    await index.idle();
    expect(embedder.texts).toHaveLength(2);
    expect((await index.findSimilar("A"))[0]).toMatchObject({ path: "Copy.md", score: expect.closeTo(1, 5) as unknown });
    // Deleting the first copy leaves the second with its vector.
    vault.delete("A.md");
    index.deleted("A.md");
    await index.idle();
    expect(index.index.noteVectors?.size).toBe(2);
    expect((await index.searchByMeaning("tomatoes", { limit: 1 }))[0]?.path).toBe("Copy.md");
  });
});
