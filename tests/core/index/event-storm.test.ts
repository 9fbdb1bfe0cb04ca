import { setImmediate } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { FakeEmbedder } from "../../support/fake-embedder";
import { indexSnapshot, memoryIndex } from "../../support/index-fixtures";
import { MemoryVault } from "../../support/memory-vault";
import { seededRandom as seeded } from "../../support/seeded-random";

const WORDS = "sleep focus bread test failing sync plugin theme graph link tag canvas journal mood energy habit review skill problem attempt".split(" ");

function noteText(random: () => number): string {
  const words = (n: number): string => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ");
  const long = random() < 0.2;
  const body = long ? `# ${words(2)}\n\n${words(200)}\n\n## ${words(2)}\n\n${words(250)}` : words(20);
  return `---\ntags: [${words(1)}]\n---\n${body}\n`;
}

/** An embedder that yields to the event loop, so events land while it "computes". */
class SlowFakeEmbedder extends FakeEmbedder {
  override async embed(texts: string[]): Promise<Float32Array[]> {
    await setImmediate();
    return super.embed(texts);
  }
}

describe("a storm of vault events during indexing", () => {
  it.each([1, 2, 3])("1,000 random create/modify/rename/delete events end in the same index as a fresh rebuild (seed %i)", async (seed) => {
    const random = seeded(seed);
    const vault = new MemoryVault();
    let counter = 0;
    const newPath = (): string => `${random() < 0.5 ? "Folder/" : ""}Note ${counter++}.md`;
    for (let i = 0; i < 80; i++) vault.write(newPath(), noteText(random));

    const index = memoryIndex(vault, new SlowFakeEmbedder());
    const pick = (): string | undefined => [...vault.files.keys()][Math.floor(random() * vault.files.size)];
    const event = (): void => {
      const roll = random();
      const path = pick();
      if (roll < 0.3 || !path) {
        const created = newPath();
        vault.write(created, noteText(random));
        index.created(created);
      } else if (roll < 0.6) {
        vault.write(path, noteText(random));
        index.modified(path);
      } else if (roll < 0.8) {
        const to = newPath();
        vault.rename(path, to);
        index.renamed(path, to);
      } else {
        vault.delete(path);
        index.deleted(path);
      }
    };
    // Some events fire in the middle of reads, the rest between turns of the event loop.
    let fired = 0;
    vault.beforeRead = () => {
      if (fired < 1000 && random() < 0.3) {
        event();
        fired++;
      }
      return Promise.resolve();
    };
    const opening = index.open();
    while (fired < 1000) {
      event();
      fired++;
      if (fired % 7 === 0) await setImmediate();
    }
    await opening;
    await index.idle();

    const fresh = memoryIndex(vault, new FakeEmbedder());
    vault.beforeRead = () => Promise.resolve();
    await fresh.open();
    expect(index.index.notes.size).toBe(vault.files.size);
    expect(indexSnapshot(index)).toEqual(indexSnapshot(fresh));
    // Orama's BM25 statistics must match too (document counts, field lengths after removals).
    const wordScores = (m: typeof index): Record<string, number> =>
      Object.fromEntries(m.index.fullText.search("failing test sync", 10_000).map((hit) => [hit.path, Math.round(hit.score * 1e6)]));
    expect(wordScores(index)).toEqual(wordScores(fresh));
    index.dispose();
  });
});
