import { promises as fs, writeFileSync } from "node:fs";
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

  it("does not write over a note that changed on disk during the edit", async () => {
    const repo = await repoWith({ "n.md": "---\na: 1\n---\nbody" });
    await expect(
      repo.updateProperties("n.md", (p) => {
        p.a = 2;
        // Another program saves the note while LifeBetter is preparing its write.
        writeFileSync(path.join(root!, "n.md"), "---\na: 1\n---\nbody edited elsewhere");
      }),
    ).rejects.toThrow(/changed on disk/);
    expect(await repo.read("n.md")).toBe("---\na: 1\n---\nbody edited elsewhere");
  });
});
