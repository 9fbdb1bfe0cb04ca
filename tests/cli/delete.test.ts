import { promises as fs } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { composeNote } from "../../src/core/codec/frontmatter";
import { cli } from "../support/cli";
import { hashTree, makeTempVault, removeVault } from "../support/temp-vault";

const entry = (tags: string[], text: string): string => composeNote({ id: crypto.randomUUID(), kind: "entry", type: "insight", tags }, text);

const FILES = {
  "LifeBetter/Entries/a.md": entry(["old"], "A\n"),
  "LifeBetter/Entries/b.md": entry(["old/2025"], "B\n"),
  "Elsewhere/a.md": entry(["keep"], "Another a\n"),
  "LifeBetter/Problems/p.md": composeNote({ id: crypto.randomUUID(), kind: "problem", status: "active", tags: ["old"] }, "P\n"),
  "Plain note.md": "---\ntags: [old]\n---\nNot a record.\n",
};

let root = "";
afterEach(async () => {
  if (root) await removeVault(root);
  root = "";
});

interface Deleted {
  records: string[];
  deleted: boolean;
  trash: string;
  recoverable: boolean;
  moved: string[];
}

const exists = (relative: string): Promise<boolean> =>
  fs.stat(path.join(root, relative)).then(
    () => true,
    () => false,
  );

describe("lifebetter delete", () => {
  it("without --yes lists what would go and changes nothing", async () => {
    root = await makeTempVault(FILES);
    const before = await hashTree(root);
    const run = await cli("delete", "--tag", "#old", "--vault", root);
    expect(run.code).toBe(0);
    expect(run.out).toContain("3 records tagged #old would be moved to the vault's .trash folder");
    expect(run.out).toContain("system trash"); // Obsidian's default trash, which the CLI cannot reach
    expect(run.out).toContain("Nothing was deleted: run again with --yes");
    for (const p of ["LifeBetter/Entries/a.md", "LifeBetter/Entries/b.md", "LifeBetter/Problems/p.md"]) expect(run.out).toContain(p);
    expect(run.out).not.toContain("Plain note.md");
    expect(await hashTree(root)).toEqual(before);
  });

  it("with --yes moves the records of a kind to .trash, keeping names apart, and touches nothing else", async () => {
    root = await makeTempVault({ ...FILES, ".obsidian/app.json": JSON.stringify({ trashOption: "local" }) });
    const run = await cli("delete", "--kind", "entry", "--yes", "--vault", root, "--json");
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as Deleted;
    expect(result.records.sort()).toEqual(["Elsewhere/a.md", "LifeBetter/Entries/a.md", "LifeBetter/Entries/b.md"]);
    expect(result).toMatchObject({ deleted: true, recoverable: true });
    expect(result.moved).toHaveLength(3);
    expect((await fs.readdir(path.join(root, ".trash"))).sort()).toEqual(["a 2.md", "a.md", "b.md"]);
    for (const p of result.records) expect(await exists(p)).toBe(false);
    expect(await exists("LifeBetter/Problems/p.md")).toBe(true);
    expect(await exists("Plain note.md")).toBe(true);
    const texts = await Promise.all((await fs.readdir(path.join(root, ".trash"))).map((name) => fs.readFile(path.join(root, ".trash", name), "utf8")));
    expect(texts.sort()).toEqual([FILES["Elsewhere/a.md"], FILES["LifeBetter/Entries/a.md"], FILES["LifeBetter/Entries/b.md"]].sort());
  });

  it("deletes permanently when Obsidian is set to, and says so before asking", async () => {
    root = await makeTempVault({ ...FILES, ".obsidian/app.json": JSON.stringify({ trashOption: "none" }) });
    const preview = JSON.parse((await cli("delete", "--kind", "problem", "--vault", root, "--json")).out) as Deleted;
    expect(preview).toMatchObject({ deleted: false, recoverable: false, records: ["LifeBetter/Problems/p.md"] });
    expect(preview.trash).toContain("permanently");
    const run = await cli("delete", "--kind", "problem", "--yes", "--vault", root);
    expect(run.code).toBe(0);
    expect(await exists("LifeBetter/Problems/p.md")).toBe(false);
    expect(await exists(".trash")).toBe(false);
  });

  it("refuses a bad selection with exit 2 and says when nothing matches", async () => {
    root = await makeTempVault(FILES);
    expect((await cli("delete", "--vault", root, "--yes")).code).toBe(2);
    expect((await cli("delete", "--kind", "entry", "--tag", "old", "--vault", root)).code).toBe(2);
    const kind = await cli("delete", "--kind", "notes", "--vault", root);
    expect(kind.code).toBe(2);
    expect(kind.err).toContain('Unknown kind "notes"');
    expect((await cli("delete", "--tag", "  ", "--vault", root)).code).toBe(2);
    expect((await cli("delete", "--kind", "entry", "--vault", path.join(root, "gone"))).code).toBe(2);
    const none = await cli("delete", "--kind", "meta-skill", "--yes", "--vault", root);
    expect(none.code).toBe(0);
    expect(none.out).toBe("No meta-skill records to delete.\n");
  });
});
