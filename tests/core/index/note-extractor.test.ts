import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { nodeNoteSource } from "../../../src/adapters/node/node-note-source";
import { NodeNoteRepository } from "../../../src/adapters/node/node-repository";
import { NO_MODEL } from "../../../src/core/index/embedder-status";
import { MemoryIndex } from "../../../src/core/index/memory-index";
import {
  ExtractorPool,
  extractJobs,
  extractJobsWithTokens,
  inlineExtractor,
  type ExtractJob,
  type NoteExtractor,
} from "../../../src/core/index/note-extractor";
import { PARALLEL_EXTRACT_FROM } from "../../../src/core/index/note-index";
import { serializeIndex } from "../../../src/core/index/persistence";
import { noteTokenizer } from "../../../src/core/index/tokenizer";
import { CORPORA_ROOT, corporaAvailable } from "../../support/corpora";
import { indexSnapshot, testTimers } from "../../support/index-fixtures";
import { MemoryVault } from "../../support/memory-vault";

const OPTIONS = { maxTokens: 256, embed: true };

function jobsOf(count: number): ExtractJob[] {
  return Array.from({ length: count }, (_, i) => ({
    file: { path: `Notes/Note ${i}.md`, ctime: 1_700_000_000_000, mtime: 1_700_000_000_000 + i, size: 40 },
    text: `---\ntags: [topic${i % 7}]\n---\n# Heading ${i}\n\nWords about sourdough number ${i} and [[Link ${i % 5}]].`,
  }));
}

/**
 * A member in this thread that answers after a varying delay, counting the pieces it holds at once;
 * `withTokens` answers as an extraction worker does, with each note's full-text tokens.
 */
class SlowMember implements NoteExtractor {
  readonly workers = 1;
  calls = 0;
  held = 0;
  maxHeld = 0;
  private readonly tokenizer = noteTokenizer();
  constructor(
    private readonly delay: (call: number) => number,
    private readonly failAt: number | null = null,
    private readonly withTokens = false,
  ) {}
  async extract(jobs: readonly ExtractJob[], options: typeof OPTIONS) {
    const call = this.calls++;
    this.held++;
    this.maxHeld = Math.max(this.maxHeld, this.held);
    await new Promise((resolve) => setTimeout(resolve, this.delay(call)));
    this.held--;
    if (this.failAt !== null && call >= this.failAt) throw new Error("the worker died");
    return this.withTokens ? extractJobsWithTokens(jobs, options, this.tokenizer) : extractJobs(jobs, options);
  }
  dispose() {
    return Promise.resolve();
  }
}

describe("an extractor pool", () => {
  it("returns every note extracted as in this thread, in the batch's order, though members answer out of order", async () => {
    const members = [new SlowMember((call) => (call % 2 ? 1 : 8)), new SlowMember((call) => 5 - (call % 3))];
    const pool = new ExtractorPool(members, 4);
    const jobs = jobsOf(50);
    const [first, second] = await Promise.all([pool.extract(jobs.slice(0, 30), OPTIONS), pool.extract(jobs.slice(30), OPTIONS)]);
    expect([...first, ...second]).toEqual(await inlineExtractor.extract(jobs, OPTIONS));
    expect(members.every((member) => member.calls > 0)).toBe(true);
  });

  it("gives each member at most two pieces at once", async () => {
    const members = [new SlowMember(() => 3), new SlowMember(() => 3)];
    const pool = new ExtractorPool(members, 2);
    await pool.extract(jobsOf(40), OPTIONS);
    for (const member of members) expect(member.maxHeld).toBeLessThanOrEqual(2);
    expect(members.reduce((sum, m) => sum + m.calls, 0)).toBe(20);
  });

  it("extracts a failed member's piece in this thread and stops using that member: no note is lost", async () => {
    const failing = new SlowMember(() => 2, 1);
    const healthy = new SlowMember(() => 2);
    const pool = new ExtractorPool([failing, healthy], 3);
    const jobs = jobsOf(60);
    expect(await pool.extract(jobs, OPTIONS)).toEqual(await inlineExtractor.extract(jobs, OPTIONS));
    expect(pool.workers).toBe(1);
    // The call that failed (its second) was its last: later pieces went to the healthy member.
    expect(failing.calls).toBeLessThanOrEqual(3);
    const callsBefore = failing.calls;
    expect(await pool.extract(jobs.slice(0, 9), OPTIONS)).toEqual(await inlineExtractor.extract(jobs.slice(0, 9), OPTIONS));
    expect(failing.calls).toBe(callsBefore);
  });

  it("extracts everything in this thread when every member has failed", async () => {
    const pool = new ExtractorPool([new SlowMember(() => 1, 0)], 5);
    const jobs = jobsOf(20);
    expect(await pool.extract(jobs, OPTIONS)).toEqual(await inlineExtractor.extract(jobs, OPTIONS));
    expect(pool.workers).toBe(0);
    expect(await pool.extract(jobs, OPTIONS)).toEqual(await inlineExtractor.extract(jobs, OPTIONS));
  });
});

/** A pool of in-thread members that answer after a delay, counting the batches the sync has under way (and keeping every job). */
function countingExtractor(
  workers: number,
  withTokens = true,
): { start: () => Promise<NoteExtractor>; maxUnderWay: number; disposed: number; jobs: ExtractJob[] } {
  const counter = { start: async () => pool, maxUnderWay: 0, disposed: 0, jobs: [] as ExtractJob[] };
  let underWay = 0;
  const inner = new ExtractorPool(
    Array.from({ length: workers }, () => new SlowMember((call) => 1 + (call % 3), null, withTokens)),
    8,
  );
  const pool: NoteExtractor = {
    workers,
    async extract(jobs, options) {
      counter.jobs.push(...jobs);
      counter.maxUnderWay = Math.max(counter.maxUnderWay, ++underWay);
      try {
        return await inner.extract(jobs, options);
      } finally {
        underWay--;
      }
    },
    dispose: () => {
      counter.disposed++;
      return Promise.resolve();
    },
  };
  return counter;
}

describe("a large sync with extraction workers", () => {
  it("builds the same index as extracting in this thread, with a few batches under way at most, and stops the workers", async () => {
    const notes: Record<string, string> = {};
    for (let i = 0; i < PARALLEL_EXTRACT_FROM * 3; i++)
      notes[`Folder ${i % 9}/Note ${i}.md`] = `# Topic ${i}\n\nWords about sourdough number ${i}, see [[Note ${i + 1}]] #tag${i % 4}.`;
    notes["Broken.md"] = "---\ntags: [unclosed\n---\nStill searchable body.";
    const vault = new MemoryVault(notes);
    const inline = new MemoryIndex({ source: vault, embedder: NO_MODEL, timers: testTimers });
    const workers = countingExtractor(2);
    const parallel = new MemoryIndex({ source: vault, embedder: NO_MODEL, timers: testTimers, startExtractor: workers.start });
    const progress: number[] = [];
    expect((await inline.open()).extractWorkers).toBeUndefined();
    expect((await parallel.open((done) => progress.push(done))).extractWorkers).toBe(2);
    expect(indexSnapshot(parallel)).toEqual(indexSnapshot(inline));
    expect(parallel.status()).toEqual(inline.status());
    // Numbered in listing order, as inline: the saved index is the same file.
    const numbering = (memory: MemoryIndex) => [...memory.index.notes.values()].map((note) => [note.no, note.record.path]);
    expect(numbering(parallel)).toEqual(numbering(inline));
    expect(progress.at(-1)).toBe(Object.keys(notes).length);
    // Two per worker and one: memory does not grow with the vault.
    expect(workers.maxUnderWay).toBeGreaterThan(1);
    expect(workers.maxUnderWay).toBeLessThanOrEqual(5);
    expect(workers.disposed).toBe(1);
    inline.dispose();
    parallel.dispose();
  });

  it("with one extraction worker reads the frontmatter here and sends the worker bodies only, into the same index", async () => {
    const notes: Record<string, string> = {};
    for (let i = 0; i < PARALLEL_EXTRACT_FROM + 20; i++) {
      const frontmatter = i % 3 === 0 ? "" : `---\ntags: [t${i % 4}]\nkind: ${i % 2 ? "insight" : "question"}\naliases: [Alias ${i}]\n---\n`;
      notes[`Notes/Note ${i}.md`] = `${frontmatter}# Topic ${i}\n\nWords about sourdough number ${i}, see [[Note ${i + 1}]].`;
    }
    notes["Broken.md"] = "---\ntags: [unclosed\n---\nStill searchable body.";
    notes["Unclosed.md"] = "---\ntags: [a]\nno closing fence, the whole text is the body";
    const vault = new MemoryVault(notes);
    const inline = new MemoryIndex({ source: vault, embedder: NO_MODEL, timers: testTimers });
    await inline.open();
    for (const workers of [1, 2]) {
      const extractor = countingExtractor(workers);
      const parallel = new MemoryIndex({ source: vault, embedder: NO_MODEL, timers: testTimers, startExtractor: extractor.start });
      expect((await parallel.open()).extractWorkers).toBe(workers);
      expect(indexSnapshot(parallel)).toEqual(indexSnapshot(inline));
      expect(parallel.status()).toEqual(inline.status());
      const sent = new Map(extractor.jobs.map((job) => [job.file.path, job.properties]));
      expect(sent.size).toBe(Object.keys(notes).length);
      if (workers === 1) {
        expect(sent.get("Notes/Note 1.md")).toEqual({ tags: ["t1"], kind: "insight", aliases: ["Alias 1"] });
        expect(sent.get("Notes/Note 3.md")).toEqual({});
      } else expect(sent.get("Notes/Note 1.md")).toBeUndefined();
      // What does not parse is left to the extractor, which indexes its body and says why.
      expect(sent.get("Broken.md")).toBeUndefined();
      expect(sent.get("Unclosed.md")).toBeUndefined();
      parallel.dispose();
    }
    inline.dispose();
  });

  it.skipIf(!corporaAvailable()).each([1, 3])(
    "indexes a real vault into the same records, search results and saved file as inline extraction (extraction workers: %i)",
    async (workers) => {
      const root = path.join(CORPORA_ROOT, "vault-digitallyliterate");
      const source = nodeNoteSource(new NodeNoteRepository(root));
      const inline = new MemoryIndex({ source, embedder: NO_MODEL, timers: testTimers });
      const parallel = new MemoryIndex({ source, embedder: NO_MODEL, timers: testTimers, startExtractor: countingExtractor(workers).start });
      await inline.open();
      await parallel.open();
      expect(parallel.status().notes).toBeGreaterThanOrEqual(PARALLEL_EXTRACT_FROM);
      expect(parallel.status()).toEqual(inline.status());
      expect(indexSnapshot(parallel)).toEqual(indexSnapshot(inline));
      // Queries built from the vault's own titles, so they match whatever it holds.
      const titles = [...inline.index.notes.values()].map((note) => note.record.title).filter((_, i) => i % 40 === 0);
      for (const title of titles) expect(await parallel.searchByMeaning(title, { limit: 10 })).toEqual(await inline.searchByMeaning(title, { limit: 10 }));
      const saved = async (memory: MemoryIndex) => Buffer.concat(await serializeIndex(memory.index));
      expect((await saved(parallel)).equals(await saved(inline))).toBe(true);
      inline.dispose();
      parallel.dispose();
    },
    120_000,
  );
});
