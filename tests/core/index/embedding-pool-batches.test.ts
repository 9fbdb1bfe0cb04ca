import { describe, expect, it } from "vitest";
import { EmbedderPool } from "../../../src/core/embed/embedder-pool";
import type { NoteSource } from "../../../src/core/index/index-types";
import { CountingEmbedder } from "../../support/counting-embedder";
import { GatedEmbedder, settle } from "../../support/gated-embedder";
import { memoryIndex } from "../../support/index-fixtures";

/** `count` notes, N0 changed last (embedded first); `same` of them (the first and the last) share one text. */
function source(count: number, same = false): NoteSource {
  const body = (i: number): string => (same && (i === 0 || i === count - 1) ? "the very same words." : `note number ${i} about topic ${i % 7}.`);
  const notes = new Map(Array.from({ length: count }, (_, i) => [`Notes/N${i}.md`, { text: `# N${i}\n\n${body(i)}\n`, mtime: count - i }]));
  return {
    listFiles: () => Promise.resolve([...notes].map(([path, n]) => ({ path, size: n.text.length, mtime: n.mtime, ctime: 1 }))),
    readNote: (path) => {
      const note = notes.get(path);
      return Promise.resolve(note === undefined ? null : { file: { path, size: note.text.length, mtime: note.mtime, ctime: 1 }, text: note.text });
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

  it("hands the pool its next batch while one is computing, and embeds a text two batches under way share once", async () => {
    const members = [new GatedEmbedder(), new GatedEmbedder()];
    const pool = new EmbedderPool(members, 16);
    const handed: number[] = [];
    const embed = pool.embed.bind(pool);
    pool.embed = (texts) => (handed.push(texts.length), embed(texts));
    const index = memoryIndex(source(70, true), pool);
    const opened = index.open();
    const asked = (): string[] => members.flatMap((member) => member.asked.flat());
    for (let i = 0; i < 50 && handed.length < 2; i++) await settle();
    // Nothing is done yet and both batches (64 notes, then 6) are with the pool; the text N0 and
    // N69 share is not handed out again.
    expect(index.status().embedded).toBe(0);
    expect(handed).toEqual([64, 5]);
    while (!(await Promise.race([opened.then(() => true), settle().then(() => false)]))) for (const member of members) member.release();
    expect(new Set(asked()).size).toBe(69);
    expect(index.status()).toMatchObject({ embedded: 69, pendingEmbeddings: 0 });
    const vectors = index.noteVectors(["Notes/N0.md", "Notes/N69.md"]);
    expect(vectors["Notes/N69.md"]).toEqual(vectors["Notes/N0.md"]);
    expect(vectors["Notes/N0.md"]).toBeDefined();
  });

  it("hands one embedding worker its next batch while one computes; a model in the index's own thread gets one at a time", async () => {
    const handedTo = async (embedder: GatedEmbedder | EmbedderPool, gates: GatedEmbedder[]): Promise<number[]> => {
      const handed: number[] = [];
      const embed = embedder.embed.bind(embedder);
      embedder.embed = (texts) => (handed.push(texts.length), embed(texts));
      const index = memoryIndex(source(70), embedder);
      const opened = index.open();
      for (let i = 0; i < 20; i++) await settle();
      const whileFirstComputes = [...handed];
      while (!(await Promise.race([opened.then(() => true), settle().then(() => false)]))) for (const gate of gates) gate.release();
      expect(index.status().embedded).toBe(70);
      return whileFirstComputes;
    };
    const worker = new GatedEmbedder();
    expect(await handedTo(new EmbedderPool([worker], 16), [worker])).toEqual([32, 32]);
    const here = new GatedEmbedder();
    expect(await handedTo(here, [here])).toEqual([32]);
  });
});
