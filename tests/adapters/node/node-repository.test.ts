import { promises as fs, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { NodeNoteRepository } from "../../../src/adapters/node/node-repository";
import { NoteExistsError, NoteParseError, NoteReadError } from "../../../src/core/errors";
import { hashTree, makeTempVault, removeVault } from "../../support/temp-vault";

let root: string | undefined;
afterEach(async () => {
  if (root) await removeVault(root);
  root = undefined;
});

async function repoWith(files: Record<string, string | Buffer>) {
  root = await makeTempVault(files);
  return new NodeNoteRepository(root);
}

describe("NodeNoteRepository", () => {
  it("lists files with vault-relative paths and leaves dot-folders out", async () => {
    const repo = await repoWith({ "a.md": "x", "Folder/b.md": "y", "img/c.png": "z", ".obsidian/app.json": "{}", ".trash/old.md": "old" });
    expect((await repo.listFiles()).map((f) => f.path).sort()).toEqual(["Folder/b.md", "a.md", "img/c.png"]);
  });

  it("reads a note with its file state in one go, as the listing has it, and says why it cannot", async () => {
    const long = "é".repeat(100_000);
    const repo = await repoWith({ "a.md": "# Café\n", "Long.md": long, "latin1.md": Buffer.from([0x63, 0x61, 0x66, 0xe9]) });
    await fs.mkdir(path.join(root!, "Folder.md"));
    const listed = await repo.listFiles();
    expect(await repo.readWithStat("a.md")).toEqual({ text: "# Café\n", file: listed.find((f) => f.path === "a.md") });
    expect((await repo.readWithStat("Long.md"))?.text).toBe(long);
    expect(await repo.readWithStat("Folder.md")).toBeNull();
    await expect(repo.readWithStat("latin1.md")).rejects.toMatchObject({ reason: "encoding" });
    await expect(repo.readWithStat("gone.md")).rejects.toMatchObject({ reason: "missing" });
  });

  it("says why a note cannot be read", async () => {
    const repo = await repoWith({ "latin1.md": Buffer.from([0x63, 0x61, 0x66, 0xe9]) });
    await expect(repo.read("latin1.md")).rejects.toMatchObject({ reason: "encoding" });
    await expect(repo.read("gone.md")).rejects.toBeInstanceOf(NoteReadError);
  });

  it("never creates over an existing file, and refuses paths outside the vault", async () => {
    const repo = await repoWith({ "a.md": "original" });
    await expect(repo.create("a.md", "new")).rejects.toBeInstanceOf(NoteExistsError);
    expect(await fs.readFile(path.join(root!, "a.md"), "utf8")).toBe("original");
    await expect(repo.create("../escape.md", "x")).rejects.toThrow(/outside the vault/);
    await repo.create("New/Deep/note.md", "hello");
    expect(await repo.read("New/Deep/note.md")).toBe("hello");
  });

  it("edits a body without touching the frontmatter's bytes, and leaves no temp files", async () => {
    const text = "---\ntags: [a,   b]   # odd spacing kept\n---\n## Sessions\nrow\n";
    const repo = await repoWith({ "p.md": text });
    expect(await repo.updateBody("p.md", (body) => body + "more\n")).toBe(true);
    expect(await repo.read("p.md")).toBe(text + "more\n");
    expect([...(await hashTree(root!)).keys()]).toEqual(["p.md"]);
    expect(await repo.updateBody("p.md", (body) => body)).toBe(false);
  });

  it("refuses to edit properties or body of a note whose frontmatter cannot be parsed", async () => {
    const repo = await repoWith({ "bad.md": "---\na: [\n---\nbody" });
    const before = await hashTree(root!);
    await expect(repo.updateProperties("bad.md", (p) => void (p.x = 1))).rejects.toBeInstanceOf(NoteParseError);
    await expect(repo.updateBody("bad.md", (b) => b + "x")).rejects.toBeInstanceOf(NoteParseError);
    expect(await hashTree(root!)).toEqual(before);
  });

  it("re-runs an edit on the new text when another program saved the note meanwhile", async () => {
    const repo = await repoWith({ "n.md": "---\na: 1\n---\nbody" });
    let runs = 0;
    expect(
      await repo.updateProperties("n.md", (p) => {
        p.a = 2;
        // Another program saves the note while LifeBetter is preparing its first write.
        if (runs++ === 0) writeFileSync(path.join(root!, "n.md"), "---\na: 1\n---\nbody edited elsewhere");
      }),
    ).toBe(true);
    expect(runs).toBe(2);
    expect(await repo.read("n.md")).toBe("---\na: 2\n---\nbody edited elsewhere");
  });

  it("gives up, writing nothing, on a note that changes on disk during every attempt", async () => {
    const repo = await repoWith({ "n.md": "---\na: 1\n---\nbody" });
    let saves = 0;
    await expect(
      repo.updateProperties("n.md", (p) => {
        p.a = 2;
        writeFileSync(path.join(root!, "n.md"), `---\na: 1\n---\nsaved elsewhere ${++saves}`);
      }),
    ).rejects.toThrow(/kept changing on disk.*nothing was written/);
    expect(await repo.read("n.md")).toBe(`---\na: 1\n---\nsaved elsewhere ${saves}`);
    expect([...(await hashTree(root!)).keys()]).toEqual(["n.md"]);
  });

  it("writes properties and body as one edit, or neither when the edit refuses", async () => {
    const repo = await repoWith({ "p.md": "---\ncount: 1\n---\nrows\n" });
    expect(
      await repo.updateNote("p.md", (note) => {
        note.body += "row 2\n";
        note.properties.count = 2;
      }),
    ).toBe(true);
    expect(await repo.read("p.md")).toBe("---\ncount: 2\n---\nrows\nrow 2\n");
    await expect(
      repo.updateNote("p.md", (note) => {
        note.body += "row 3\n";
        throw new Error("overlaps row 2");
      }),
    ).rejects.toThrow(/overlaps/);
    expect(await repo.read("p.md")).toBe("---\ncount: 2\n---\nrows\nrow 2\n");
  });

  it("waits for another writer's lock, and recovers a lock left by a process that died", async () => {
    const repo = await repoWith({ "n.md": "---\na: 1\n---\nbody" });
    const lock = path.join(root!, ".n.md.lifebetter-lock");
    // A process that is gone (pid far above any live one) left its lock behind.
    await fs.writeFile(lock, JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), token: "dead" }));
    expect(await repo.updateProperties("n.md", (p) => void (p.a = 2))).toBe(true);
    expect(await repo.read("n.md")).toBe("---\na: 2\n---\nbody");
    // A live holder (this very process, as another command would be) is waited for, not broken.
    await fs.writeFile(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), token: "live" }));
    const edit = repo.updateProperties("n.md", (p) => void (p.a = 3));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await repo.read("n.md")).toBe("---\na: 2\n---\nbody");
    await fs.rm(lock);
    expect(await edit).toBe(true);
    expect(await repo.read("n.md")).toBe("---\na: 3\n---\nbody");
    expect([...(await hashTree(root!)).keys()]).toEqual(["n.md"]);
  });

  describe("symlinks, followed as Obsidian does on desktop", () => {
    const outsides: string[] = [];
    afterEach(async () => {
      for (const outside of outsides.splice(0)) await removeVault(outside);
    });

    async function linkedVault() {
      const repo = await repoWith({ "Notes/a.md": "a", "Notes/Deep/b.md": "b" });
      const outside = await makeTempVault({ "x.md": "x", "Sub/y.md": "y" });
      outsides.push(outside);
      return { repo, outside };
    }

    it("lists files in symlinked folders and symlinked files under the link's path", async () => {
      const { repo, outside } = await linkedVault();
      await fs.symlink(outside, path.join(root!, "Ext"), "dir");
      await fs.symlink(path.join(outside, "x.md"), path.join(root!, "Linked x.md"), "file");
      await fs.symlink(path.join(root!, "nowhere"), path.join(root!, "Dangling.md"), "file");
      const paths = (await repo.listFiles()).map((file) => file.path).sort();
      // x.md is reachable as Ext/x.md and Linked x.md: the first link in name order keeps it.
      expect(paths).toEqual(["Ext/Sub/y.md", "Ext/x.md", "Notes/Deep/b.md", "Notes/a.md"]);
    });

    it("lists a folder linked from inside the vault once, under its own path, and ends a loop", async () => {
      const { repo } = await linkedVault();
      await fs.symlink(path.join(root!, "Notes"), path.join(root!, "A alias"), "dir");
      await fs.symlink(root!, path.join(root!, "Notes/Deep/up"), "dir");
      await fs.symlink(path.join(root!, "Notes/Deep/b.md"), path.join(root!, "Notes/b again.md"), "file");
      await fs.symlink(path.join(root!, "cycle-2"), path.join(root!, "cycle-1"), "dir");
      await fs.symlink(path.join(root!, "cycle-1"), path.join(root!, "cycle-2"), "dir");
      expect((await repo.listFiles()).map((file) => file.path).sort()).toEqual(["Notes/Deep/b.md", "Notes/a.md"]);
    });

    it("writes through a symlinked note to the file it points to, keeping the link", async () => {
      const { repo, outside } = await linkedVault();
      await fs.writeFile(path.join(outside, "n.md"), "---\na: 1\n---\nbody\n");
      await fs.symlink(path.join(outside, "n.md"), path.join(root!, "n.md"), "file");
      expect(await repo.updateProperties("n.md", (p) => void (p.a = 2))).toBe(true);
      expect((await fs.lstat(path.join(root!, "n.md"))).isSymbolicLink()).toBe(true);
      expect(await fs.readFile(path.join(outside, "n.md"), "utf8")).toBe("---\na: 2\n---\nbody\n");
      expect((await fs.readdir(outside)).sort()).toEqual(["Sub", "n.md", "x.md"]);
    });
  });
});
