import { promises as fs } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { NodeNoteRepository } from "../../../src/adapters/node/node-repository";
import { applyFixes } from "../../../src/core/check/apply-fixes";
import { checkVault } from "../../../src/core/check/check-vault";
import { parseNote, splitNote } from "../../../src/core/codec/frontmatter";
import { isRecordId } from "../../../src/core/ids";
import { DEFAULT_SETTINGS, loadSettings } from "../../../src/core/settings";
import { hashTree, makeTempVault, removeVault } from "../../support/temp-vault";

const ID_A = "0b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a01";
const ID_B = "5d1e0a7b-7f3c-4e8a-b1d2-3c4d5e6f7a02";
let root: string | undefined;
afterEach(async () => {
  if (root) await removeVault(root);
  root = undefined;
});

const entry = (id: string, extra = "", body = "Body text\n") => `---\nid: ${id}\nkind: entry\ntype: insight\n${extra}---\n${body}`;

async function vault(files: Record<string, string>) {
  root = await makeTempVault(files);
  return new NodeNoteRepository(root);
}

describe("checkVault", () => {
  it("reports each kind of problem once, with the path and a readable message", async () => {
    const repo = await vault({
      "ok.md": entry(ID_A, 'problem: "[[Problem]]"\n'),
      "Problem.md": `---\nid: ${ID_B}\nkind: problem\nstatus: active\n---\n`,
      "bad-yaml.md": "---\ntitle: [unclosed\n---\ntext",
      "wrong-mood.md": entry("6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c04", "mood: 11\n"),
      "broken.md": entry("7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c05", "", "See [[Nowhere]] and `[[in code]]`\n"),
      "no-id.md": "---\nkind: entry\ntype: question\n---\nWhy?\n",
      "empty.md": "",
      "plain.md": "---\nmood: 😀\nrandom: [1, 2]\n---\nNot a LifeBetter note, so its values are its owner's business.\n",
    });
    const report = await checkVault(repo, DEFAULT_SETTINGS);
    expect(report.files).toBe(8);
    expect(report.records).toEqual({ entry: 4, problem: 1 });
    const got = report.findings.map((f) => [f.path, f.code]);
    expect(got).toEqual([
      ["bad-yaml.md", "malformed-frontmatter"],
      ["broken.md", "broken-link"],
      ["empty.md", "empty-file"],
      ["no-id.md", "missing-id"],
      ["wrong-mood.md", "invalid-value"],
    ]);
    expect(report.findings.find((f) => f.path === "broken.md")?.message).toContain("[[Nowhere]]");
    expect(report.findings.find((f) => f.path === "wrong-mood.md")?.message).toMatch(/mood must be a whole number from 1 to 10, found 11/);
  });

  it("resolves links by name, path, relative path, heading and alias, case-insensitively", async () => {
    const repo = await vault({
      "Folder/Target Note.md": "x",
      "Folder/Other.md": "y",
      "img/pic.png": "png",
      "a.md": entry(
        ID_A,
        'related: ["[[target note]]", "[[Folder/Other|alias]]"]\n',
        "[[./Other]] [[Target Note#Heading]] [[#Local]] [[pic.png]] ![[missing.png]]\n",
      ),
    });
    await fs.rename(path.join(root!, "a.md"), path.join(root!, "Folder/a.md"));
    const report = await checkVault(repo, DEFAULT_SETTINGS);
    expect(report.findings).toEqual([]);
  });

  it("leaves excluded folders and dot-folders out", async () => {
    const repo = await vault({ "Private/x.md": "---\nbad: [\n---\n", ".obsidian/y.md": "---\nbad: [\n---\n", "z.md": "fine" });
    const report = await checkVault(repo, loadSettings({ excludedFolders: ["Private"] }));
    expect(report).toEqual({ files: 1, records: {}, findings: [] });
  });

  it("flags the newer copy of a duplicated id, and --fix gives only the copy a new id without touching bodies", async () => {
    const repo = await vault({ "Original.md": entry(ID_A, "custom: keep me\n", "Original body\r\nline 2") });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await fs.copyFile(path.join(root!, "Original.md"), path.join(root!, "Original 1.md"));
    const report = await checkVault(repo, DEFAULT_SETTINGS);
    expect(report.findings.map((f) => [f.path, f.code])).toEqual([["Original 1.md", "duplicate-id"]]);
    expect(report.findings[0]?.message).toContain('"Original.md"');

    const result = await applyFixes(repo, report.findings, () => "2026-11-24T10:00:00Z");
    expect(result.applied).toHaveLength(1);
    const copy = await fs.readFile(path.join(root!, "Original 1.md"), "utf8");
    const parsed = parseNote(copy);
    expect(parsed.ok && parsed.properties.id).not.toBe(ID_A);
    expect(parsed.ok && isRecordId(parsed.properties.id)).toBe(true);
    expect(parsed.ok && parsed.properties).toMatchObject({ custom: "keep me", updated: "2026-11-24T10:00:00Z" });
    expect((splitNote(copy) as { body: string }).body).toBe("Original body\r\nline 2");
    expect(parseNote(await fs.readFile(path.join(root!, "Original.md"), "utf8"))).toMatchObject({ properties: { id: ID_A } });
    expect((await checkVault(repo, DEFAULT_SETTINGS)).findings).toEqual([]);
  });

  it("repairs what it can keep (a lone tag, a bare problem name) and never drops a value", async () => {
    const repo = await vault({ "e.md": entry(ID_A, "tags: solo\nproblem: Ship v2\nmood: loud\n"), "Ship v2.md": "x" });
    const report = await checkVault(repo, DEFAULT_SETTINGS);
    expect(report.findings.map((f) => f.property)).toEqual(["tags", "problem", "mood"]);
    await applyFixes(repo, report.findings, () => "2026-11-24T10:00:00Z");
    const after = parseNote(await fs.readFile(path.join(root!, "e.md"), "utf8"));
    expect(after.ok && after.properties).toMatchObject({ tags: ["solo"], problem: "[[Ship v2]]", mood: "loud" });
  });

  it("does not rewrite a malformed note even when asked to fix it", async () => {
    const repo = await vault({ "m.md": "---\nid: x\nkind: entry\n  bad: indent\n---\nbody" });
    const before = await hashTree(root!);
    const result = await applyFixes(
      repo,
      [{ path: "m.md", code: "missing-id", severity: "warning", message: "", fix: { action: "new-id", description: "" } }],
      () => "now",
    );
    expect(result.failed[0]?.message).toMatch(/was not changed: the frontmatter is not valid YAML/);
    expect(await hashTree(root!)).toEqual(before);
  });

  it("reports a note that disappears while it is being checked, and carries on", async () => {
    const repo = await vault({ "a.md": "x", "b.md": "y" });
    const vanishing = Object.create(repo) as NodeNoteRepository;
    vanishing.read = async (p: string) => {
      if (p === "a.md") await fs.rm(path.join(root!, "a.md"));
      return repo.read(p);
    };
    const report = await checkVault(vanishing, DEFAULT_SETTINGS);
    expect(report.findings).toEqual([{ path: "a.md", code: "unreadable", severity: "error", message: "was deleted or moved while it was being checked" }]);
  });
});
