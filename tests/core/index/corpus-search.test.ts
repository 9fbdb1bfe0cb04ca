import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadNodeEmbedder } from "../../../src/adapters/node/node-embedder";
import { nodeNoteSource } from "../../../src/adapters/node/node-note-source";
import { NodeNoteRepository } from "../../../src/adapters/node/node-repository";
import type { MemoryIndex } from "../../../src/core/index/memory-index";
import { CORPORA_ROOT, FIXTURE_VAULT, corporaAvailable } from "../../support/corpora";
import { memoryIndex } from "../../support/index-fixtures";
import { extractNote } from "../../../src/core/index/note-record";
import { readFile } from "node:fs/promises";

const readNoteText = async (file: string): Promise<{ text: string }> => ({ text: await readFile(file, "utf8") });
import { tempStaticModel } from "../../support/models/temp-models";

/** A vault to search, natural questions with the note that answers each, and what its index must hold. */
interface SearchVault {
  name: string;
  root: string;
  notes: number;
  /** Questions a user would ask, each with the note that answers it. */
  words: [query: string, expected: string][];
  /**
   * Paraphrases that share no content word with the title of the note they mean; the static test
   * model maps them to the same meaning (its synonym groups), so only the meaning path finds them.
   */
  meanings: [query: string, expected: string][];
  minChunks: number;
  /** A long note, heading-path chunk keys it must have, and a "heading" inside its code that is none. */
  longNote: { path: string; keys: string[]; notAHeading: string };
}

const FIXTURE: SearchVault = {
  name: "the fixture vault",
  root: FIXTURE_VAULT,
  notes: 21,
  words: [
    ["how do I link to a heading in another note", "Help/Linking to headings.md"],
    ["recover a deleted note from a snapshot", "Help/Recovering deleted notes.md"],
    ["change hotkeys", "Help/Keyboard shortcuts.md"],
    ["import my notes from Evernote", "Help/Importing from other apps.md"],
    ["append a line to today's daily note from a script", "Help/Command line.md"],
    ["when to pinch out side shoots", "Garden/Tomatoes.md"],
  ],
  meanings: [
    ["keybinding", "Help/Keyboard shortcuts.md"],
    ["whiteboard", "Help/Canvas.md"],
  ],
  minChunks: 2,
  longNote: { path: "Help/Command line.md", keys: ["Daily notes > daily:append", "Examples > Everyday use"], notAHeading: "Open today's daily note" },
};

const HELP: SearchVault = {
  name: "obsidian-help",
  root: path.join(CORPORA_ROOT, "obsidian-help"),
  notes: 173,
  words: [
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
  ],
  meanings: [
    ["keybinding", "User interface/Hotkeys.md"],
    ["whiteboard", "Plugins/Canvas.md"],
  ],
  minChunks: 100,
  longNote: {
    path: "Extending Obsidian/Obsidian CLI.md",
    keys: ["Daily notes > daily:append", "Examples > Everyday use"],
    notAHeading: "Open today's daily note",
  },
};

/** The fixture vault in every clone; the real help vault skips (with a printed note) where the corpora are absent. */
const noCorpora = !corporaAvailable();
const VAULTS = [FIXTURE, HELP];

async function rankOf(index: MemoryIndex, query: string, expected: string): Promise<number> {
  const results = await index.searchByMeaning(query, { limit: 10 });
  return results.findIndex((r) => r.path === expected) + 1;
}

describe.each(VAULTS)("search over $name", (vault) => {
  const skip = vault !== FIXTURE && noCorpora;
  describe.skipIf(skip)("full text only (no model)", () => {
    let index: MemoryIndex;
    beforeAll(async () => {
      index = memoryIndex(nodeNoteSource(new NodeNoteRepository(vault.root)), null);
      await index.open();
    });

    it.each(vault.words)("%s → %s in the top 3", async (query, expected) => {
      const rank = await rankOf(index, query, expected);
      expect(rank, `rank of ${expected}`).toBeGreaterThan(0);
      expect(rank).toBeLessThanOrEqual(3);
    });

    it("says why there are no vectors", () => {
      const status = index.status();
      expect(status.notes).toBe(vault.notes);
      expect(status.embeddings).toMatchObject({ state: "unavailable", reason: expect.any(String) as unknown, fix: expect.any(String) as unknown });
      expect(index.index.noteVectors).toBeNull();
    });
  });

  describe.skipIf(skip)("hybrid, with the static test model", () => {
    let index: MemoryIndex;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      const model = await tempStaticModel();
      cleanup = model.cleanup;
      const load = await loadNodeEmbedder({ model: model.folder });
      if (!load.ok) throw new Error(load.unavailable.reason);
      index = memoryIndex(nodeNoteSource(new NodeNoteRepository(vault.root)), load.embedder);
      await index.open();
    });
    afterAll(() => cleanup());

    it.each(vault.words)("%s → %s in the top 3", async (query, expected) => {
      const rank = await rankOf(index, query, expected);
      expect(rank, `rank of ${expected}`).toBeGreaterThan(0);
      expect(rank).toBeLessThanOrEqual(3);
    });

    it.each(vault.meanings)("by meaning: %s → %s in the top 3", async (query, expected) => {
      const results = await index.searchByMeaning(query, { limit: 10 });
      const rank = results.findIndex((r) => r.path === expected) + 1;
      expect(rank, JSON.stringify(results.slice(0, 5).map((r) => r.path))).toBeGreaterThan(0);
      expect(rank).toBeLessThanOrEqual(3);
      expect(results[rank - 1]?.reasons?.some((reason) => reason.startsWith("meaning"))).toBe(true);
    });

    it("splits long notes into passages that carry their sections' heading paths", async () => {
      const chunks = index.index.chunkVectors;
      expect(chunks?.size).toBeGreaterThanOrEqual(vault.minChunks);
      const long = index.index.notes.get(vault.longNote.path)!;
      expect(long.embedTexts[0]?.kind).toBe("mean");
      // Stored texts are dropped once embedded: read the note again to see its passages.
      const { text } = await readNoteText(path.join(vault.root, vault.longNote.path));
      const lines = extractNote({ path: vault.longNote.path, size: 0, mtime: 0, ctime: 0 }, text).embedTexts.flatMap((t) => t.text.split("\n"));
      expect(lines).toEqual(expect.arrayContaining(vault.longNote.keys));
      // Headings inside code blocks (bash comments such as "# Open today's daily note") are not headings.
      expect(long.record.headings).not.toContain(vault.longNote.notAHeading);
    });
  });
});

describe.skipIf(noCorpora)("full text in other scripts over a real garden (lesleylai-garden)", () => {
  // The garden gives many notes a Chinese alias (`aliases: [特征值]`); the old English-only
  // tokenizer dropped every Chinese character, so these found nothing.
  let index: MemoryIndex;
  beforeAll(async () => {
    index = memoryIndex(nodeNoteSource(new NodeNoteRepository(path.join(CORPORA_ROOT, "vault-lesleylai-garden"))), null);
    await index.open();
  });
  afterAll(() => index.dispose());

  it.each([
    ["特征值", "Concepts/eigenvalues and eigenvectors.md"],
    ["行列式", "Concepts/determinant.md"],
    ["奇异值分解", "Concepts/singular value decomposition.md"],
    ["转置", "Concepts/transpose.md"],
  ])("%s → %s first", async (query, expected) => {
    const results = await index.searchByMeaning(query, { limit: 5 });
    expect(results[0]?.path, JSON.stringify(results.map((r) => r.path))).toBe(expected);
  });
});
