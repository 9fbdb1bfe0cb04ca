import { describe, expect, it } from "vitest";
import { FakeEmbedder } from "../../support/fake-embedder";
import { memoryIndex } from "../../support/index-fixtures";
import { MemoryVault } from "../../support/memory-vault";

const NOTES: Record<string, string> = {
  "Problems/Cache.md": "---\nkind: problem\nstatus: active\n---\nThe redis cache evicts keys under load.\n",
  "Problems/Sleep.md": "---\nkind: problem\nstatus: active\n---\nI go to bed too late and wake up tired.\n",
  "Entries/Note.md": "---\nkind: entry\ntype: insight\n---\nThe redis cache evicts keys.\n",
};

describe("how close a text is in meaning to each problem", () => {
  it("gives every problem note's cosine, by path, and no other note's", async () => {
    const index = memoryIndex(new MemoryVault(NOTES), new FakeEmbedder());
    await index.open();
    const scores = await index.problemMeaning("why does the redis cache evict keys");
    index.dispose();
    expect(Object.keys(scores ?? {}).sort()).toEqual(["Problems/Cache.md", "Problems/Sleep.md"]);
    expect(scores?.["Problems/Cache.md"]).toBeGreaterThan(scores?.["Problems/Sleep.md"] ?? 1);
  });

  it("is null without a model, and while a problem waits for its vectors (then words decide)", async () => {
    const noModel = memoryIndex(new MemoryVault(NOTES), null);
    await noModel.open();
    expect(await noModel.problemMeaning("redis cache")).toBeNull();
    noModel.dispose();

    const vault = new MemoryVault(NOTES);
    const index = memoryIndex(vault, new FakeEmbedder());
    await index.open();
    index.pause();
    vault.write("Problems/New.md", "---\nkind: problem\nstatus: active\n---\nLearn Spanish verbs.\n");
    index.created("Problems/New.md");
    await new Promise((resolve) => setTimeout(resolve, 50)); // the debounced event is read, its vectors held back
    expect(await index.problemMeaning("redis cache")).toBeNull();
    index.resume();
    await index.idle();
    expect(Object.keys((await index.problemMeaning("redis cache")) ?? {})).toHaveLength(3);
    index.dispose();
  });
});
