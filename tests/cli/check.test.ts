import { afterEach, describe, expect, it } from "vitest";
import { cli } from "../support/cli";
import { hashTree, makeTempVault, removeVault } from "../support/temp-vault";

const ID = "0b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a01";
let root: string | undefined;
afterEach(async () => {
  if (root) await removeVault(root);
  root = undefined;
});

describe("lifebetter check", () => {
  it("prints one JSON object with files, records by kind and findings, exits 0 and changes nothing", async () => {
    root = await makeTempVault({
      "a.md": `---\nid: ${ID}\nkind: entry\ntype: insight\n---\nx`,
      "b.md": `---\nid: ${ID}\nkind: entry\ntype: insight\nmood: 12\n---\ny`,
      "c.md": "---\nbroken: [\n---\n",
    });
    const before = await hashTree(root);
    const run = await cli("check", "--vault", root, "--json");
    expect(run.code).toBe(0);
    expect(run.err).toBe("");
    const report = JSON.parse(run.out) as { files: number; records: Record<string, number>; findings: { path: string; code: string; message: string }[] };
    expect(report.files).toBe(3);
    expect(report.records).toEqual({ entry: 2 });
    expect(report.findings.map((f) => `${f.path} ${f.code}`).sort()).toEqual(["b.md duplicate-id", "b.md invalid-value", "c.md malformed-frontmatter"]);
    for (const finding of report.findings) expect(Object.keys(finding)).toEqual(expect.arrayContaining(["path", "code", "message"]));
    expect(await hashTree(root)).toEqual(before);
  });

  it("prints a readable summary without --json", async () => {
    root = await makeTempVault({ "c.md": "---\nbroken: [\n---\n" });
    const run = await cli("check", "--vault", root);
    expect(run.code).toBe(0);
    expect(run.out).toContain("Checked 1 notes");
    expect(run.out).toContain("c.md: [malformed-frontmatter]");
  });

  it("--fix applies property-only fixes and reports what it fixed", async () => {
    root = await makeTempVault({ "e.md": "---\nkind: entry\ntype: question\n---\nBody stays\n" });
    const run = await cli("check", "--vault", root, "--fix", "--json");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as { findings: unknown[]; fixed: { path: string; code: string }[] };
    expect(result.fixed).toEqual([{ path: "e.md", code: "missing-id", fix: "give this note an id" }]);
    expect(result.findings).toEqual([]);
  });

  it.each([
    [["check"], /Missing --vault/],
    [["check", "--vault", "/no/such/folder/anywhere"], /does not exist/],
    [["check", "--vault", ".", "--bogus"], /Unknown option '--bogus'/],
    [["frobnicate"], /unknown command "frobnicate"/],
  ])("refuses %j with a clear message on stderr and a non-zero exit", async (args, message) => {
    const run = await cli(...args);
    expect(run.code).not.toBe(0);
    expect(run.err).toMatch(message);
    expect(run.out).toBe("");
  });
});
