import { describe, expect, it } from "vitest";
import type { Embedder } from "../../../src/core/embed/embedder";
import { EmbedderPool, MAX_EMBEDDING_WORKERS, embeddingWorkerCount, extractionWorkerCount, wasmThreadsPerWorker } from "../../../src/core/embed/embedder-pool";
import { CountingEmbedder } from "../../support/counting-embedder";
import { GatedEmbedder, settle } from "../../support/gated-embedder";

/** A member that takes `delayMs` per call, so tests can see who did what. */
class SlowMember implements Embedder {
  readonly model = new CountingEmbedder();
  readonly modelId = this.model.modelId;
  readonly dimensions = this.model.dimensions;
  constructor(private readonly delayMs: number) {}
  async embed(texts: string[]): Promise<Float32Array[]> {
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return this.model.embed(texts);
  }
}

const TEXTS = Array.from({ length: 100 }, (_, i) => `note ${i} ${"word ".repeat(i % 17)}`);

describe("EmbedderPool", () => {
  it("gives every text the vector one model alone gives it, in the caller's order", async () => {
    const alone = await new CountingEmbedder().embed(TEXTS);
    const pool = new EmbedderPool([new CountingEmbedder(), new CountingEmbedder(), new CountingEmbedder()], 7);
    const pooled = await pool.embed(TEXTS);
    expect(pooled).toHaveLength(TEXTS.length);
    pooled.forEach((vector, i) => expect([...vector]).toEqual([...(alone[i] as Float32Array)]));
  });

  it("shares the work: every member embeds, a slower member fewer texts, and each text once", async () => {
    const fast = new SlowMember(1);
    const slow = new SlowMember(15);
    await new EmbedderPool([fast, slow], 4).embed(TEXTS);
    const done = [fast.model.embeddedTexts.length, slow.model.embeddedTexts.length];
    expect(done[0]! + done[1]!).toBe(TEXTS.length);
    expect(done[1]).toBeGreaterThan(0);
    expect(done[0]).toBeGreaterThan(done[1]!);
    expect(new Set([...fast.model.embeddedTexts, ...slow.model.embeddedTexts]).size).toBe(TEXTS.length);
  });

  it("keeps texts of like length together, so a piece pads little", async () => {
    const member = new CountingEmbedder();
    await new EmbedderPool([member], 10).embed(TEXTS);
    for (const call of member.calls) {
      const lengths = call.map((text) => text.length);
      expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(15);
    }
  });

  it("embeds queries as its model does (a query prefix), through one member", async () => {
    const first = new CountingEmbedder();
    const withPrefix = Object.assign(first, { embedQueries: (texts: string[]) => first.embed(texts.map((text) => `query: ${text}`)) });
    const second = new CountingEmbedder();
    await new EmbedderPool([withPrefix, second]).embedQueries(["how to bake"]);
    expect(first.embeddedTexts).toEqual(["query: how to bake"]);
    expect(second.embeddedTexts).toEqual([]);
  });

  it("never mixes two models' vectors", () => {
    expect(() => new EmbedderPool([new CountingEmbedder("a#q8"), new CountingEmbedder("b#q8")])).toThrow(/mixes models/);
    expect(() => new EmbedderPool([new CountingEmbedder("a#q8", 8), new CountingEmbedder("a#q8", 16)])).toThrow(/mixes models/);
  });

  it("hands each member its next piece before it is done with the one it computes, and no more", async () => {
    const members = [new GatedEmbedder(), new GatedEmbedder()];
    const pool = new EmbedderPool(members, 5);
    const embedded = pool.embed(TEXTS.slice(0, 40));
    await settle();
    // Two pieces each: the second waits in the worker, ready the moment the first is done.
    expect(members.map((member) => member.waiting.length)).toEqual([2, 2]);
    members[0]!.release();
    await settle();
    expect(members.map((member) => member.waiting.length)).toEqual([2, 2]);
    while (members.some((member) => member.release())) await settle();
    const vectors = await embedded;
    const alone = await new CountingEmbedder().embed(TEXTS.slice(0, 40));
    vectors.forEach((vector, i) => expect([...vector]).toEqual([...(alone[i] as Float32Array)]));
  });

  it("goes on with a second call's texts while one member still computes the first call's", async () => {
    const members = [new GatedEmbedder(), new GatedEmbedder()];
    const pool = new EmbedderPool(members, 2);
    const first = pool.embed(TEXTS.slice(0, 12));
    const second = pool.embed(TEXTS.slice(12, 20));
    const firstTexts = TEXTS.slice(0, 12);
    // Member 0 is slow: it holds two of the first call's pieces the whole time.
    for (let i = 0; i < 12; i++) {
      await settle();
      members[1]!.release();
    }
    await settle();
    expect(members[0]!.waiting.flatMap((call) => call.texts).every((text) => firstTexts.includes(text))).toBe(true);
    expect(members[0]!.waiting).toHaveLength(2);
    expect(members[1]!.asked.flat().filter((text) => !firstTexts.includes(text))).toHaveLength(8);
    while (members.some((member) => member.release())) await settle();
    expect((await first).length + (await second).length).toBe(20);
    expect(new Set(members.flatMap((member) => member.asked.flat())).size).toBe(20);
  });

  it("reports how many it embeds at once, and passes a member's failure on", async () => {
    const broken: Embedder = { modelId: "fake/model#q8#mean-normalized", dimensions: 8, embed: () => Promise.reject(new Error("model broke")) };
    const pool = new EmbedderPool([new CountingEmbedder(), broken]);
    expect(pool.parallelism).toBe(2);
    await expect(pool.embed(TEXTS)).rejects.toThrow("model broke");
  });
});

describe("embeddingWorkerCount", () => {
  it("uses the cores a device has to spare, at most the maximum, and one on mobile", () => {
    expect(embeddingWorkerCount(0, 2, false)).toBe(1);
    expect(embeddingWorkerCount(0, 4, false)).toBe(3);
    expect(embeddingWorkerCount(0, 16, false)).toBe(MAX_EMBEDDING_WORKERS);
    expect(embeddingWorkerCount(0, 1, false)).toBe(1);
    expect(embeddingWorkerCount(0, 8, true)).toBe(1);
  });

  it("follows the setting when it names a number, within the maximum", () => {
    expect(embeddingWorkerCount(2, 2, false)).toBe(2);
    expect(embeddingWorkerCount(9, 16, false)).toBe(MAX_EMBEDDING_WORKERS);
    expect(embeddingWorkerCount(3, 8, true)).toBe(1);
  });
});

describe("extractionWorkerCount", () => {
  it("follows the embedding workers' rule (spare cores, at most the maximum), with none on mobile or one core", () => {
    expect(extractionWorkerCount(0, 2, false)).toBe(1);
    expect(extractionWorkerCount(0, 4, false)).toBe(3);
    expect(extractionWorkerCount(0, 16, false)).toBe(MAX_EMBEDDING_WORKERS);
    expect(extractionWorkerCount(0, 1, false)).toBe(0);
    expect(extractionWorkerCount(0, 8, true)).toBe(0);
    // The person's worker setting caps them too.
    expect(extractionWorkerCount(1, 8, false)).toBe(1);
    expect(extractionWorkerCount(2, 1, false)).toBe(0);
  });
});

describe("wasmThreadsPerWorker", () => {
  it("is 1 outside a cross-origin-isolated page, where WASM threads cannot start", () => {
    expect(wasmThreadsPerWorker(false, 16, 1)).toBe(1);
    expect(wasmThreadsPerWorker(false, 8, 3)).toBe(1);
  });

  it("splits the cores between the pool's workers when isolated, at most 4 each and at least 1", () => {
    expect(wasmThreadsPerWorker(true, 8, 2)).toBe(4);
    expect(wasmThreadsPerWorker(true, 8, 3)).toBe(2);
    expect(wasmThreadsPerWorker(true, 4, 1)).toBe(4);
    expect(wasmThreadsPerWorker(true, 16, 1)).toBe(4);
    expect(wasmThreadsPerWorker(true, 2, 4)).toBe(1);
    expect(wasmThreadsPerWorker(true, 0, 0)).toBe(1);
  });
});
