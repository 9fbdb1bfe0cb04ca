import { describe, expect, it } from "vitest";
import { obsidianNoteSource } from "../../../src/adapters/obsidian/obsidian-note-source";
import { ObsidianNoteRepository } from "../../../src/adapters/obsidian/obsidian-repository";
import type { NoteSource } from "../../../src/core/index/index-types";
import { indexSnapshot, memoryIndex } from "../../support/index-fixtures";
import { makeApp } from "../../support/obsidian-shims";

function source(files: Record<string, string>) {
  const { app, mock } = makeApp(files);
  return { app, mock, notes: obsidianNoteSource(app, new ObsidianNoteRepository(app)) };
}

describe("obsidianNoteSource", () => {
  it("lists the vault without dot-folders and reads a note with its file state", async () => {
    const { notes, mock } = source({ "a.md": "# A\n", ".trash/old.md": "old", "img.png": "x" });
    expect((await notes.listFiles()).map((file) => file.path).sort()).toEqual(["a.md", "img.png"]);
    const stat = mock.vault.getFileByPath("a.md")?.stat;
    expect(await notes.readNote("a.md")).toEqual({ file: { path: "a.md", size: stat?.size, mtime: stat?.mtime, ctime: stat?.ctime }, text: "# A\n" });
  });

  it("reads a note deleted meanwhile as null, so it drops out of the index", async () => {
    const { notes, mock } = source({ "a.md": "# A\n" });
    const file = mock.vault.getFileByPath("a.md");
    if (!file) throw new Error("no file");
    await mock.fileManager.trashFile(file);
    expect(await notes.readNote("a.md")).toBeNull();
    expect(await notes.readNote("never.md")).toBeNull();
  });

  it("reports a note that exists but cannot be read as unreadable, with why", async () => {
    const { notes, app } = source({ "a.md": "# A\n" });
    app.vault.cachedRead = () => Promise.reject(new Error("EACCES: permission denied"));
    expect(await notes.readNote("a.md")).toEqual({ unreadable: expect.stringMatching(/"a\.md" could not be read: EACCES/) as unknown });
  });
});

describe("the index reading notes through Obsidian's metadataCache", () => {
  const vault = {
    "Entry.md":
      '---\nkind: entry\nid: e1\ntype: insight\ntags: [sleep, health/rest]\naliases: [Night notes]\nproblem: "[[Insomnia]]"\n---\n# Evening\nWent to bed early and read [[Why We Sleep]]. #habit\n',
    "Insomnia.md": "---\nkind: problem\nid: p1\nstatus: open\n---\nI wake up at 4am and cannot fall asleep again.\n",
    "Plain.md": "No frontmatter here, only a note about sleep hygiene and [[Insomnia]].\n",
    "Broken.md": "---\ntags: [unclosed\n---\nBroken frontmatter, but the body about sleep still counts.\n",
  };

  it("hands the index the frontmatter Obsidian parsed, and nothing for a note without any or one Obsidian could not read", async () => {
    const { notes } = source(vault);
    const entry = await notes.readNote("Entry.md");
    expect(entry && "properties" in entry ? entry.properties : null).toMatchObject({ kind: "entry", id: "e1", tags: ["sleep", "health/rest"] });
    const plain = await notes.readNote("Plain.md");
    expect(plain && "text" in plain ? plain.properties : "unread").toBeUndefined();
  });

  it("indexes a cached note without parsing its YAML again, with the same records and search results as from its text", async () => {
    const { notes } = source(vault);
    // The same vault read without the cache: the index parses every note's frontmatter itself.
    const uncached: NoteSource = {
      listFiles: () => notes.listFiles(),
      readNote: async (path) => {
        const read = await notes.readNote(path);
        return read && "text" in read ? { file: read.file, text: read.text } : read;
      },
    };
    const cached = memoryIndex(notes, null);
    const parsed = memoryIndex(uncached, null);
    await Promise.all([cached.open(), parsed.open()]);
    expect(indexSnapshot(cached)).toEqual(indexSnapshot(parsed));
    for (const query of ["sleep", "night notes", "insomnia", "habit", "health"]) {
      expect(await cached.searchByMeaning(query)).toEqual(await parsed.searchByMeaning(query));
    }
    expect((await cached.searchByMeaning("sleep", { kind: "entry", tags: ["health"] })).map((r) => r.path)).toEqual(["Entry.md"]);
    cached.dispose();
    parsed.dispose();
  });
});
