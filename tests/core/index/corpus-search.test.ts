import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadNodeEmbedder } from "../../../src/adapters/node/node-embedder";
import { nodeNoteSource } from "../../../src/adapters/node/node-note-source";
import { NodeNoteRepository } from "../../../src/adapters/node/node-repository";
import type { MemoryIndex } from "../../../src/core/index/memory-index";
import { CORPORA_ROOT } from "../../support/corpora";
import { memoryIndex } from "../../support/index-fixtures";
import { tempStaticModel } from "../../support/models/temp-models";

const HELP = path.join(CORPORA_ROOT, "obsidian-help");

/** Natural questions a user of Obsidian's help would ask, each with the help page that answers it. */
const WORD_QUERIES: [query: string, expected: string][] = [
  ["how do I link to a heading in another note", "Linking notes and files/Internal links.md"],
  ["recover a deleted note from a snapshot", "Plugins/File recovery.md"],
  ["change keyboard shortcuts", "User interface/Hotkeys.md"],
  ["import my notes from Evernote", "Import notes/Import from Evernote.md"],
  ["get a refund for my purchase", "Licenses and payment/Refund policy.md"],
  ["install a theme", "Extending Obsidian/Themes.md"],
  ["callout boxes with an icon and a title", "Editing and formatting/Callouts.md"],
  ["set up two-factor authentication for my account", "Obsidian/2-factor authentication.md"],
  ["open a random note", "Plugins/Random note.md"],
  ["count the words in my document", "Plugins/Word count.md"],
  ["see how my notes are connected in a graph", "Plugins/Graph view.md"],
];

/**
 * Paraphrases that share no content word with the title of the page they mean; the static test
 * model maps them to the same meaning (its synonym groups), so only the meaning path finds them.
 */
const MEANING_QUERIES: [query: string, expected: string][] = [
  ["keybinding", "User interface/Hotkeys.md"],
  ["whiteboard", "Plugins/Canvas.md"],
];

async function rankOf(index: MemoryIndex, query: string, expected: string): Promise<number> {
  const results = await index.searchByMeaning(query, { limit: 10 });
  return results.findIndex((r) => r.path === expected) + 1;
}

describe("search over a real vault (obsidian-help)", () => {
  describe("full text only (no model)", () => {
    let index: MemoryIndex;
    beforeAll(async () => {
      index = memoryIndex(nodeNoteSource(new NodeNoteRepository(HELP)), null);
      await index.open();
    });

    it.each(WORD_QUERIES)("%s → %s in the top 3", async (query, expected) => {
      const rank = await rankOf(index, query, expected);
      expect(rank, `rank of ${expected}`).toBeGreaterThan(0);
      expect(rank).toBeLessThanOrEqual(3);
    });

    it("says why there are no vectors", () => {
      const status = index.status();
      expect(status.notes).toBe(173);
      expect(status.embeddings).toMatchObject({ state: "unavailable", reason: expect.any(String) as unknown, fix: expect.any(String) as unknown });
      expect(index.index.noteVectors).toBeNull();
    });
  });

  describe("hybrid, with the static test model", () => {
    let index: MemoryIndex;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      const model = await tempStaticModel();
      cleanup = model.cleanup;
      const load = await loadNodeEmbedder({ model: model.folder });
      if (!load.ok) throw new Error(load.unavailable.reason);
      index = memoryIndex(nodeNoteSource(new NodeNoteRepository(HELP)), load.embedder);
      await index.open();
    });
    afterAll(() => cleanup());

    it.each(WORD_QUERIES)("%s → %s in the top 3", async (query, expected) => {
      const rank = await rankOf(index, query, expected);
      expect(rank, `rank of ${expected}`).toBeGreaterThan(0);
      expect(rank).toBeLessThanOrEqual(3);
    });

    it.each(MEANING_QUERIES)("by meaning: %s → %s in the top 3", async (query, expected) => {
      const results = await index.searchByMeaning(query, { limit: 10 });
      const rank = results.findIndex((r) => r.path === expected) + 1;
      expect(rank, JSON.stringify(results.slice(0, 5).map((r) => r.path))).toBeGreaterThan(0);
      expect(rank).toBeLessThanOrEqual(3);
      expect(results[rank - 1]?.reasons?.some((reason) => reason.startsWith("meaning"))).toBe(true);
    });

    it("indexes heading-path chunks of long notes", () => {
      const chunks = index.index.chunkVectors;
      expect(chunks?.size).toBeGreaterThan(100);
      const cli = index.index.notes.get("Extending Obsidian/Obsidian CLI.md")!;
      // Headings inside code blocks (bash comments such as "# Open today's daily note") are not headings.
      expect(cli.embedTexts.map((t) => t.key)).toEqual(expect.arrayContaining(["Daily notes > daily:append", "Examples > Everyday use"]));
      expect(cli.record.headings).not.toContain("Open today's daily note");
    });
  });
});
