import { promises as fs } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseNote } from "../../src/core/codec/frontmatter";
import { EXPORT_FORMAT } from "../../src/core/transfer/export-format";
import { cli } from "../support/cli";
import { hashTree, makeTempVault, removeVault } from "../support/temp-vault";

let root: string | undefined;
afterEach(async () => {
  if (root) await removeVault(root);
  root = undefined;
});

const ID = "0b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a01";
const HEADER = "| start | end | minutes | focus | energy | activity | distractions | outcome |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n";
const problem = (body: string): string => `---\nid: ${ID}\nkind: problem\nstatus: active\n---\n${body}`;
const session = (start: string, end: string, ...more: string[]): string[] => [
  "session",
  "add",
  "--vault",
  root ?? "",
  "--problem",
  "Ship",
  "--start",
  start,
  "--end",
  end,
  "--focus",
  "5",
  "--energy",
  "5",
  ...more,
];

describe("import and import-chats input files", () => {
  it.each(["import", "import-chats"])("%s: a missing file or a folder is a usage error (exit 2) with a clear message", async (command) => {
    root = await makeTempVault({ "folder/x.md": "x" });
    const missing = await cli(command, "--vault", root, path.join(root, "nope.json"));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/The file ".*nope.json" does not exist/);
    const folder = await cli(command, "--vault", root, path.join(root, "folder"));
    expect(folder.code).toBe(2);
    expect(folder.err).toMatch(/is a folder, not a file/);
    expect(folder.err).not.toMatch(/EISDIR/);
  });

  it.each(["Notes/a:b*c?.md", "a*c?.md", "CON.md", "Notes/aux.txt.md", "dot./x.md", "space /x.md", "x .md", "evil\u202Etxt.md", "rtl\u2067.md"])(
    "import refuses the path %j like other bad paths, and writes nothing",
    async (bad) => {
      root = await makeTempVault();
      const file = path.join(root, "..", `${path.basename(root)}-export.json`);
      await fs.writeFile(
        file,
        JSON.stringify({
          format: EXPORT_FORMAT,
          version: 1,
          exported_at: "2026-11-25T00:00:00Z",
          records: [{ id: ID, kind: "entry", path: bad, properties: { id: ID, kind: "entry", type: "insight" }, body: "x\n" }],
        }),
      );
      const run = await cli("import", "--vault", root, file);
      await fs.rm(file);
      expect(run.code).toBe(1);
      expect(run.out).toMatch(/its path cannot be synced to every device/);
      expect((await hashTree(root)).size).toBe(0);
    },
  );
});

describe("session add", () => {
  it("refuses a session shorter than a minute and one over 24 hours unless --force", async () => {
    root = await makeTempVault({ "Ship.md": problem(`## Sessions\n\n${HEADER}`) });
    const before = await hashTree(root);
    const short = await cli(...session("2026-11-20T09:00:00Z", "2026-11-20T09:00:40Z"));
    expect(short.code).toBe(2);
    expect(short.err).toMatch(/less than a minute/);
    const long = await cli(...session("2026-11-01T09:00:00Z", "2026-11-11T09:00:00Z"));
    expect(long.code).toBe(2);
    expect(long.err).toMatch(/lasted 240.0 hours, more than 24 hours.*--force/);
    expect(await hashTree(root)).toEqual(before);
    const forced = await cli(...session("2026-11-01T09:00:00Z", "2026-11-02T10:00:00Z", "--force"));
    expect(forced.code).toBe(0);
    expect(forced.out).toMatch(/Added 1500 minutes/);
  });

  it("a second Sessions table: check reports it, session add refuses with a clear message", async () => {
    const row = "| 2026-11-19T09:00:00Z | 2026-11-19T10:00:00Z | 60 | 5 | 5 |  |  |  |\n";
    root = await makeTempVault({ "Ship.md": problem(`## Sessions\n\n${HEADER}${row}\n## Notes\n\n## Sessions\n\n${HEADER}${row}`) });
    const before = await hashTree(root);
    const check = JSON.parse((await cli("check", "--vault", root, "--json")).out) as { findings: { code: string; message: string }[] };
    expect(check.findings).toContainEqual(
      expect.objectContaining({ code: "duplicate-sessions-table", message: expect.stringMatching(/2 Sessions tables; only the first is read/) as string }),
    );
    const add = await cli(...session("2026-11-20T09:00:00Z", "2026-11-20T10:00:00Z"));
    expect(add.code).toBe(2);
    expect(add.err).toMatch(/"Ship.md" has 2 "## Sessions" tables.*merge them/);
    expect(await hashTree(root)).toEqual(before);
  });

  it("an unparseable problem note is refused with the parse problem, not a missing kind", async () => {
    root = await makeTempVault({ "Ship.md": "---\nkind: problem\nstatus: [active\n---\nBody\n" });
    const run = await cli(...session("2026-11-20T09:00:00Z", "2026-11-20T10:00:00Z"));
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/"Ship.md" cannot be parsed, so it was not changed: the frontmatter is not valid YAML/);
    expect(run.err).not.toMatch(/kind is not set/);
  });
});

describe("smaller defects", () => {
  it("check --fix splits tags: a, b, c into three tags, as Obsidian's Properties read it", async () => {
    root = await makeTempVault({ "e.md": `---\nid: ${ID}\nkind: entry\ntype: insight\ntags: a, b, c\n---\nBody stays.\n` });
    const fix = await cli("check", "--vault", root, "--fix");
    expect(fix.code).not.toBe(2);
    const text = await fs.readFile(path.join(root, "e.md"), "utf8");
    const parsed = parseNote(text);
    expect(parsed.ok && parsed.properties.tags).toEqual(["a", "b", "c"]);
    expect(text.endsWith("---\nBody stays.\n")).toBe(true);
  });

  it("errors name vault paths, not the absolute vault folder", async () => {
    root = await makeTempVault({ "LifeBetter/Entries": "a file where the entries folder should be" });
    const run = await cli("capture", "--vault", root, "--type", "insight", "--text", "x");
    expect(run.code).not.toBe(0);
    expect(run.err).toMatch(/LifeBetter\/Entries/);
    expect(run.err).not.toContain(root);
  });
});
