import { describe, expect, it } from "vitest";
import { FakeEmbedder } from "../../support/fake-embedder";
import { memoryIndex } from "../../support/index-fixtures";
import { MemoryVault } from "../../support/memory-vault";

const longSection = (topic: string): string => `${topic} `.repeat(60).trim();

function vaultWithThree(): MemoryVault {
  return new MemoryVault({
    "Bread.md": "---\ntags: [baking]\n---\nBake sourdough bread with flour, water and yeast.",
    "Tests/Flaky test.md": "The failing test passes again after fixing the race in the scheduler.",
    "Long.md": `# Methods\n\n## Analysis\n\n${longSection("regression residuals")}\n\n## Sampling\n\n${longSection("random stratified sample")}\n\n# Results\n\n${longSection("effect size confidence")}`,
  });
}

describe("incremental updates", () => {
  it("renaming or moving a note re-embeds nothing and finds it under its new path", async () => {
    const vault = vaultWithThree();
    const embedder = new FakeEmbedder();
    const index = memoryIndex(vault, embedder);
    await index.open();
    const before = embedder.texts.length;
    expect(before).toBeGreaterThan(3); // the long note has chunks too

    vault.rename("Long.md", "Archive/Statistics methods.md");
    index.renamed("Long.md", "Archive/Statistics methods.md");
    vault.rename("Bread.md", "Kitchen/Bread.md");
    index.renamed("Bread.md", "Kitchen/Bread.md");
    await index.idle();

    expect(embedder.texts.length).toBe(before);
    expect(index.status().embedded).toBe(before);
    const hits = await index.searchByMeaning("stratified sample", { limit: 3 });
    expect(hits[0]?.path).toBe("Archive/Statistics methods.md");
    expect(index.index.notes.has("Long.md")).toBe(false);
  });

  it("an edit re-embeds only the changed texts", async () => {
    const vault = vaultWithThree();
    const embedder = new FakeEmbedder();
    const index = memoryIndex(vault, embedder);
    await index.open();
    embedder.texts = [];
    const text = vault.files.get("Long.md")!.text.replace("effect size confidence", "effect size interval");
    vault.write("Long.md", text);
    index.modified("Long.md");
    await index.idle();
    // Only the passage holding the edit is embedded again: the other passages are the same text,
    // and the note's own vector is their mean, computed without the model.
    expect(embedder.texts).toHaveLength(1);
    expect(embedder.texts[0]).toContain("interval");
    const no = index.index.notes.get("Long.md")!.no;
    const passages = index.index.chunkVectors!.entriesOf(no);
    expect(passages.length).toBeGreaterThan(1);
    const [own] = index.index.noteVectors!.entriesOf(no);
    const mean = new Float32Array(own!.vector.length);
    for (const p of passages) p.vector.forEach((value, d) => (mean[d]! += value));
    const norm = Math.hypot(...mean);
    own!.vector.forEach((value, d) => expect(value).toBeCloseTo(mean[d]! / norm, 5));
  });

  it("a deleted note drops out of full text and vectors", async () => {
    const vault = vaultWithThree();
    const index = memoryIndex(vault, new FakeEmbedder());
    await index.open();
    expect((await index.searchByMeaning("sourdough")).map((r) => r.path)).toContain("Bread.md");
    vault.delete("Bread.md");
    index.deleted("Bread.md");
    await index.idle();
    expect((await index.searchByMeaning("sourdough")).map((r) => r.path)).not.toContain("Bread.md");
    expect(index.index.fullText.size).toBe(2);
    expect(index.index.noteVectors?.size).toBe(2);
    expect(await index.findSimilar("Bread")).toEqual([]);
  });

  it("a very long note is searchable to its end and, once deleted, leaves no piece behind", async () => {
    const filler = Array.from({ length: 3000 }, (_, i) => `filler${i % 50}`).join(" ");
    const vault = new MemoryVault({ "Huge log.md": `${filler} zebracorn at the very end`, "Other.md": "a short note" });
    const index = memoryIndex(vault, null);
    await index.open();
    expect(index.index.fullText.documents).toBeGreaterThan(3);
    expect((await index.searchByMeaning("zebracorn")).map((r) => r.path)).toEqual(["Huge log.md"]);
    vault.delete("Huge log.md");
    index.deleted("Huge log.md");
    await index.idle();
    expect(index.index.fullText.documents).toBe(1);
    expect(await index.searchByMeaning("zebracorn")).toEqual([]);
  });

  it("a note deleted while it is being read or embedded drops out cleanly", async () => {
    const vault = vaultWithThree();
    const embedder = new FakeEmbedder();
    const original = embedder.embed.bind(embedder);
    // Delete the bread note while the model is busy with it.
    embedder.embed = async (texts) => {
      if (texts.some((t) => t.includes("sourdough")) && vault.files.has("Bread.md")) {
        vault.delete("Bread.md");
        index.deleted("Bread.md");
      }
      return original(texts);
    };
    vault.beforeRead = (path) => {
      if (path === "Tests/Flaky test.md") vault.delete(path); // gone between listing and reading
      return Promise.resolve();
    };
    const index = memoryIndex(vault, embedder);
    await index.open();
    await index.idle();
    expect([...index.index.notes.keys()]).toEqual(["Long.md"]);
    expect(index.index.noteVectors?.size).toBe(1);
    expect(index.status().pendingEmbeddings).toBe(0);
  });

  it("leaves out excluded folders and notes over the size limit, saying why", async () => {
    const vault = new MemoryVault({
      "Private/Diary.md": "secret diary",
      "Huge.md": "x".repeat(2 * 1024 * 1024 + 1),
      "Kept.md": "a kept note",
      "image.png": "not markdown",
    });
    const reads: string[] = [];
    vault.beforeRead = (path) => {
      reads.push(path);
      return Promise.resolve();
    };
    const index = memoryIndex(vault, null, { excludedFolders: ["Private"] });
    await index.open();
    expect([...index.index.notes.keys()]).toEqual(["Kept.md"]);
    expect(reads).toEqual(["Kept.md"]); // neither the excluded nor the oversized note is even read
    const skipped = index.status().skipped;
    expect(skipped.map((s) => s.path)).toEqual(["Huge.md"]);
    expect(skipped[0]?.reason).toMatch(/larger than/);
  });
});
