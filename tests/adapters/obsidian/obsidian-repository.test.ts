import { describe, expect, it, vi } from "vitest";
import { ObsidianNoteRepository } from "../../../src/adapters/obsidian/obsidian-repository";
import { NoteExistsError, NoteParseError, NoteReadError } from "../../../src/core/errors";
import { contentOf, makeApp } from "../../support/obsidian-shims";

const BODY = "# Heading\n\nSome text with trailing spaces   \n\n- [ ] a task\n\n```yaml\nkey: value\n---\n```\n";

describe("ObsidianNoteRepository", () => {
  it("lists the vault's files without dot-folders", async () => {
    const { app, mock } = makeApp({ "Notes/a.md": "a", "b.md": "b", ".trash/old.md": "old", "Notes/.hidden/x.md": "x", "img.png": "" });
    expect(mock.vault.getFiles().map((file) => file.path)).toContain(".trash/old.md"); // the vault does hold it
    const repo = new ObsidianNoteRepository(app);
    const paths = (await repo.listFiles()).map((file) => file.path).sort();
    expect(paths).toEqual(["Notes/a.md", "b.md", "img.png"]);
  });

  it("reads a note and says when it is missing", async () => {
    const { app } = makeApp({ "Notes/a.md": "hello" });
    const repo = new ObsidianNoteRepository(app);
    expect(await repo.read("Notes/a.md")).toBe("hello");
    await expect(repo.read("Notes/gone.md")).rejects.toBeInstanceOf(NoteReadError);
    expect(await repo.exists("Notes/a.md")).toBe(true);
    expect(await repo.exists("Notes/gone.md")).toBe(false);
  });

  it("creates a note and the folders it needs", async () => {
    const { app, mock } = makeApp({});
    const repo = new ObsidianNoteRepository(app);
    await repo.create("LifeBetter/Entries/2026/new.md", "content\n");
    expect(contentOf(mock, "LifeBetter/Entries/2026/new.md")).toBe("content\n");
    expect(mock.vault.getFolderByPath("LifeBetter/Entries/2026")).not.toBeNull();
  });

  it("never overwrites an existing note", async () => {
    const { app, mock } = makeApp({ "Notes/a.md": "original" });
    const repo = new ObsidianNoteRepository(app);
    await expect(repo.create("Notes/a.md", "replacement")).rejects.toBeInstanceOf(NoteExistsError);
    await expect(repo.create("Notes//a.md", "replacement")).rejects.toBeInstanceOf(NoteExistsError);
    expect(contentOf(mock, "Notes/a.md")).toBe("original");
  });

  it("refuses a path that leaves the vault", async () => {
    const { app } = makeApp({});
    const repo = new ObsidianNoteRepository(app);
    await expect(repo.create("../outside.md", "x")).rejects.toThrow(/outside the vault/);
  });

  it("changes properties only: the body stays byte-identical and unknown keys stay", async () => {
    const note = `---\nid: 3f1c2a4e-8a1b-4c3d-9e5f-1a2b3c4d5e6f\nkind: entry\ncustom_key: keep me\nnested_list:\n  - one\n  - two\n---\n${BODY}`;
    const { app, mock } = makeApp({ "e.md": note });
    const repo = new ObsidianNoteRepository(app);
    const changed = await repo.updateProperties("e.md", (properties) => {
      properties.mood = 7;
    });
    expect(changed).toBe(true);
    const after = contentOf(mock, "e.md");
    expect(after.endsWith(`\n---\n${BODY}`)).toBe(true);
    expect(after.slice(after.indexOf(`\n---\n${BODY}`) + 5)).toBe(BODY);
    expect(after).toContain("custom_key: keep me");
    expect(after).toMatch(/nested_list:\n\s+- one\n\s+- two/);
    expect(after).toContain("mood: 7");
  });

  it("does not rewrite a note when nothing changes", async () => {
    const note = "---\nkind: entry\ntags: [a, b]\n---\nbody\n";
    const { app, mock } = makeApp({ "e.md": note });
    const spy = vi.spyOn(mock.fileManager, "processFrontMatter");
    const repo = new ObsidianNoteRepository(app);
    expect(await repo.updateProperties("e.md", (properties) => (properties.kind = "entry"))).toBe(false);
    expect(spy).not.toHaveBeenCalled();
    expect(contentOf(mock, "e.md")).toBe(note);
  });

  it.each([
    ["no closing fence", "---\nid: x\nkind: entry\nbody without end\n"],
    ["invalid YAML", "---\nkind: entry\ntags: [unclosed\n---\nbody\n"],
    ["a duplicate key", "---\nkind: entry\nkind: problem\n---\nbody\n"],
    ["an unquoted template placeholder", "---\ncreated: {{date}}\n---\nbody\n"],
  ])("refuses to rewrite a note with %s and leaves it unchanged", async (_name, note) => {
    const { app, mock } = makeApp({ "bad.md": note });
    const spy = vi.spyOn(mock.fileManager, "processFrontMatter");
    const repo = new ObsidianNoteRepository(app);
    await expect(repo.updateProperties("bad.md", (properties) => (properties.mood = 5))).rejects.toBeInstanceOf(NoteParseError);
    expect(spy).not.toHaveBeenCalled();
    expect(contentOf(mock, "bad.md")).toBe(note);
  });

  it("edits the body only: the frontmatter's bytes stay as they are", async () => {
    const head = "---\nid: 3f1c2a4e-8a1b-4c3d-9e5f-1a2b3c4d5e6f\nkind: problem   # keep this comment\ntags: [a,   b]\n---\n";
    const { app, mock } = makeApp({ "p.md": `${head}${BODY}` });
    const repo = new ObsidianNoteRepository(app);
    expect(await repo.updateBody("p.md", (body) => body + "\n## Sessions\n")).toBe(true);
    expect(contentOf(mock, "p.md")).toBe(`${head}${BODY}\n## Sessions\n`);
  });

  it("refuses a body edit of a note it cannot parse and leaves it unchanged", async () => {
    const note = "---\nkind: entry\ntags: [unclosed\n---\nbody\n";
    const { app, mock } = makeApp({ "bad.md": note });
    const repo = new ObsidianNoteRepository(app);
    await expect(repo.updateBody("bad.md", () => "replaced\n")).rejects.toBeInstanceOf(NoteParseError);
    expect(contentOf(mock, "bad.md")).toBe(note);
  });

  it("edits body and properties together: the body through vault.process, the changed keys through processFrontMatter", async () => {
    const note = "---\nkind: problem\ntime_spent: 30\nkeep: [a, b]\n---\n## Sessions\nrow 1\n";
    const { app, mock } = makeApp({ "p.md": note });
    const process = vi.spyOn(mock.vault, "process");
    const frontMatter = vi.spyOn(mock.fileManager, "processFrontMatter");
    const repo = new ObsidianNoteRepository(app);
    const changed = await repo.updateNote("p.md", (edit) => {
      edit.body += "row 2\n";
      edit.properties.time_spent = 60;
    });
    expect(changed).toBe(true);
    expect(process).toHaveBeenCalledTimes(1);
    expect(frontMatter).toHaveBeenCalledTimes(1);
    const after = contentOf(mock, "p.md");
    expect(after.endsWith("---\n## Sessions\nrow 1\nrow 2\n")).toBe(true);
    expect(after).toMatch(/time_spent: 60/);
    expect(after).toMatch(/kind: problem/);
  });

  it("writes nothing when a combined edit refuses or changes nothing", async () => {
    const note = "---\nkind: problem\n---\nbody\n";
    const { app, mock } = makeApp({ "p.md": note, "bad.md": "---\nkind: [\n---\nbody\n" });
    const frontMatter = vi.spyOn(mock.fileManager, "processFrontMatter");
    const process = vi.spyOn(mock.vault, "process");
    const repo = new ObsidianNoteRepository(app);
    await expect(
      repo.updateNote("p.md", (edit) => {
        edit.properties.kind = "entry";
        throw new Error("overlap");
      }),
    ).rejects.toThrow("overlap");
    expect(await repo.updateNote("p.md", (edit) => void (edit.properties.kind = "problem"))).toBe(false);
    await expect(repo.updateNote("bad.md", (edit) => void (edit.body = "x"))).rejects.toBeInstanceOf(NoteParseError);
    expect(frontMatter).not.toHaveBeenCalled();
    // An unchanged note is not written at all: a write would come back as a modify event.
    expect(process).not.toHaveBeenCalled();
    expect(contentOf(mock, "p.md")).toBe(note);
  });
});
