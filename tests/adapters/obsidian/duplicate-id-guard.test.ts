import { describe, expect, it, vi } from "vitest";
import type { TFile } from "obsidian";
import { DuplicateIdGuard } from "../../../src/adapters/obsidian/duplicate-id-guard";
import { ObsidianNoteRepository } from "../../../src/adapters/obsidian/obsidian-repository";
import { parseNote } from "../../../src/core/codec/frontmatter";
import { NoteParseError } from "../../../src/core/errors";
import type { NoteRepository } from "../../../src/core/vault/repository";
import { contentOf, fileAt, makeApp } from "../../support/obsidian-shims";

const ID = "3f1c2a4e-8a1b-4c3d-9e5f-1a2b3c4d5e6f";
const NOTE = `---\nid: ${ID}\nkind: entry\ntype: insight\n---\nText.\n`;

function setup(files: Record<string, string>, ctimes: Record<string, number>, repo?: NoteRepository) {
  const { app, mock } = makeApp(files);
  for (const [path, ctime] of Object.entries(ctimes)) {
    const file = mock.vault.getFileByPath(path);
    if (!file) throw new Error(path);
    file.stat = { ctime, mtime: ctime, size: 0 };
  }
  const notify = vi.fn<(message: string) => void>();
  const guard = new DuplicateIdGuard(app, repo ?? new ObsidianNoteRepository(app), {
    excludedFolders: () => [],
    notify,
    now: () => new Date(2026, 10, 24, 12, 0),
  });
  const file = (path: string): TFile => fileAt(app, path);
  return { app, mock, guard, notify, file };
}

describe("DuplicateIdGuard", () => {
  it("gives the oldest file the id at start and leaves shared ids found at start unwritten", () => {
    const { guard, mock, notify } = setup({ "a-copy.md": NOTE, "z-original.md": NOTE }, { "a-copy.md": 2000, "z-original.md": 1000 });
    guard.start();
    expect(guard.pathOf(ID)).toBe("z-original.md");
    expect(contentOf(mock, "a-copy.md")).toBe(NOTE);
    expect(notify).not.toHaveBeenCalled();
  });

  it("re-identifies the newer file when it changes, whatever the order of the paths", async () => {
    const { guard, mock, notify, file } = setup({ "a-copy.md": NOTE, "z-original.md": NOTE }, { "a-copy.md": 2000, "z-original.md": 1000 });
    guard.start();
    await guard.noteChanged(file("z-original.md"));
    expect(notify).not.toHaveBeenCalled(); // the original holds the id: nothing to do
    await guard.noteChanged(file("a-copy.md"));
    expect(contentOf(mock, "z-original.md")).toBe(NOTE);
    const parsed = parseNote(contentOf(mock, "a-copy.md"));
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.properties.id).not.toBe(ID);
    expect(parsed.properties.updated).toMatch(/^2026-11-24T12:00:00/);
    expect(parsed.parts.body).toBe("Text.\n");
    expect(notify).toHaveBeenCalledWith('"a-copy.md" had the same id as "z-original.md", so it looks like a copy: it got a new id.');
  });

  it("says so, and writes nothing, when the copy's frontmatter cannot be rewritten safely", async () => {
    const refusing: NoteRepository = {
      listFiles: () => Promise.resolve([]),
      read: () => Promise.resolve(""),
      exists: () => Promise.resolve(true),
      create: () => Promise.resolve(),
      updateProperties: (path) => Promise.reject(new NoteParseError(path, `"${path}" was not changed: the frontmatter is not valid YAML`)),
      updateBody: () => Promise.resolve(false),
      updateNote: (path) => Promise.reject(new NoteParseError(path, `"${path}" was not changed: the frontmatter is not valid YAML`)),
    };
    const { guard, mock, notify, file } = setup({ "original.md": NOTE, "copy.md": NOTE }, { "original.md": 1000, "copy.md": 2000 }, refusing);
    guard.start();
    await guard.noteChanged(file("copy.md"));
    expect(contentOf(mock, "copy.md")).toBe(NOTE);
    expect(notify).toHaveBeenCalledWith(
      '"copy.md" has the same id as "original.md" but could not get a new one: "copy.md" was not changed: the frontmatter is not valid YAML',
    );
  });

  it("does not fix the same copy twice when its create and metadata events both arrive", async () => {
    const { guard, mock, file } = setup({ "original.md": NOTE, "copy.md": NOTE }, { "original.md": 1000, "copy.md": 2000 });
    const spy = vi.spyOn(mock.fileManager, "processFrontMatter");
    guard.start();
    await Promise.all([guard.noteChanged(file("copy.md")), guard.noteChanged(file("copy.md"))]);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
