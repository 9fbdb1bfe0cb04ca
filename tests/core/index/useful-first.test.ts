import { describe, expect, it } from "vitest";
import type { NoteSource } from "../../../src/core/index/index-types";
import type { EmbedProgress } from "../../../src/core/index/memory-index";
import { CountingEmbedder } from "../../support/counting-embedder";
import { memoryIndex } from "../../support/index-fixtures";

/** Plain notes changed at `mtime` i, plus two LifeBetter records changed long ago. */
function vault(count: number): NoteSource {
  const notes = new Map<string, { text: string; mtime: number }>();
  for (let i = 0; i < count; i++) notes.set(`Notes/N${i}.md`, { text: `# N${i}\n\nplain note ${i}.\n`, mtime: 1000 + i });
  notes.set("LifeBetter/Problems/Ship.md", { text: "---\nkind: problem\n---\nship the release.\n", mtime: 1 });
  notes.set("LifeBetter/Entries/Q.md", { text: "---\nkind: entry\ntype: question\n---\nwhy does it fail.\n", mtime: 2 });
  return {
    listFiles: () => Promise.resolve([...notes].map(([path, n]) => ({ path, size: n.text.length, mtime: n.mtime, ctime: 1 }))),
    readNote: (path) => {
      const note = notes.get(path);
      return Promise.resolve(note ? { file: { path, size: note.text.length, mtime: note.mtime, ctime: 1 }, text: note.text } : null);
    },
  };
}

describe("the first index embeds the most useful notes first", () => {
  it("embeds LifeBetter's records first, then the most recently changed notes", async () => {
    const model = new CountingEmbedder();
    const index = memoryIndex(vault(100), model);
    await index.open();
    const order = model.embeddedTexts;
    expect(order.slice(0, 2).sort()).toEqual(["ship the release.", "why does it fail."]);
    expect(order[2]).toContain("plain note 99");
    expect(order[order.length - 1]).toContain("plain note 0");
  });

  it("embeds a note asked for (the open note) before the rest, and reports rate and time left", async () => {
    const model = new CountingEmbedder();
    const index = memoryIndex(vault(200), model);
    const progress: EmbedProgress[] = [];
    let asked = false;
    await index.open(undefined, (p) => {
      progress.push(p);
      if (!asked && p.done > 0) {
        asked = true;
        index.prioritize(["Notes/N3.md"]);
      }
    });
    const order = model.embeddedTexts;
    const position = order.findIndex((text) => text.includes("plain note 3."));
    // After the first batch of 32 it is the first of the next, far ahead of its place by date.
    expect(position).toBe(32);
    const last = progress[progress.length - 1] as EmbedProgress;
    expect(last.done).toBe(202);
    expect(last.total).toBe(202);
    expect(last.secondsLeft).toBe(0);
    expect(progress[0]).toMatchObject({ done: 0, paused: false });
  });

  it("pauses after the batch under way and goes on when resumed; full text works meanwhile", async () => {
    const model = new CountingEmbedder();
    const index = memoryIndex(vault(100), model);
    let reportedPaused: () => void = () => undefined;
    const holding = new Promise<void>((resolve) => (reportedPaused = resolve));
    let asked = false;
    const opened = index.open(undefined, (p) => {
      if (p.paused) reportedPaused();
      else if (p.done >= 32 && !asked) {
        asked = true;
        index.pause();
      }
    });
    await holding;
    expect(index.status().pendingEmbeddings).toBeGreaterThan(0);
    // Searches work while paused (the query itself is embedded: one text).
    expect((await index.searchByMeaning("plain note")).length).toBeGreaterThan(0);
    const whilePaused = model.embeddedTexts.length;
    expect(whilePaused).toBeLessThan(102);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(model.embeddedTexts.length).toBe(whilePaused);
    index.resume();
    await opened;
    expect(model.embeddedTexts.length).toBe(103);
    expect(index.status().pendingEmbeddings).toBe(0);
  });
});
