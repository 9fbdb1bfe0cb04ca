import { describe, expect, it } from "vitest";
import { obsidianNoteSource } from "../../../src/adapters/obsidian/obsidian-note-source";
import { ObsidianNoteRepository } from "../../../src/adapters/obsidian/obsidian-repository";
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
