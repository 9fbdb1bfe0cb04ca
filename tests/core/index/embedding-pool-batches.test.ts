import { describe, expect, it } from "vitest";
import { EmbedderPool } from "../../../src/core/embed/embedder-pool";
import type { NoteSource } from "../../../src/core/index/index-types";
import { CountingEmbedder } from "../../support/counting-embedder";
import { memoryIndex } from "../../support/index-fixtures";

function source(count: number): NoteSource {
  const notes = new Map(Array.from({ length: count }, (_, i) => [`Notes/N${i}.md`, `# N${i}\n\nnote number ${i} about topic ${i % 7}.\n`]));
  return {
    listFiles: () => Promise.resolve([...notes].map(([path, text]) => ({ path, size: text.length, mtime: 1, ctime: 1 }))),
    readNote: (path) => {
      const text = notes.get(path);
      return Promise.resolve(text === undefined ? null : { file: { path, size: text.length, mtime: 1, ctime: 1 }, text });
    },
  };
}

describe("the index with an embedding pool", () => {
  it("hands the pool a batch per member, so every worker has work, and stores what one model would", async () => {
    const members = [new CountingEmbedder(), new CountingEmbedder(), new CountingEmbedder()];
    const pooled = memoryIndex(source(200), new EmbedderPool(members, 16));
    await pooled.open();
    const alone = new CountingEmbedder();
    const single = memoryIndex(source(200), alone);
    await single.open();

    expect(pooled.status().embedded).toBe(200);
    expect(pooled.status().embeddings).toMatchObject({ state: "ready", workers: 3 });
    for (const member of members) expect(member.embeddedTexts.length).toBeGreaterThan(0);
    // One model alone is handed batches of 32; the pool of three, 96 at a time, shared out in pieces of 16.
    expect(Math.max(...alone.calls.map((call) => call.length))).toBe(32);
    expect(members.flatMap((member) => member.calls).length).toBeGreaterThan(alone.calls.length);
    const [fromPool, fromOne] = await Promise.all([pooled.searchByMeaning("topic 3"), single.searchByMeaning("topic 3")]);
    expect(fromPool.map((hit) => [hit.path, hit.score])).toEqual(fromOne.map((hit) => [hit.path, hit.score]));
  });
});
