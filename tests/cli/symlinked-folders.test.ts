import { promises as fs } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { composeNote } from "../../src/core/codec/frontmatter";
import { cli } from "../support/cli";
import { makeTempVault, removeVault } from "../support/temp-vault";

const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await removeVault(root);
});

/** A vault whose entries folder is a symlink to a folder outside it, as people keep a journal elsewhere. */
async function vaultWithLinkedEntries(): Promise<{ vault: string; outside: string }> {
  const vault = await makeTempVault({
    "LifeBetter/Problems/Ship v2.md": composeNote({ id: crypto.randomUUID(), kind: "problem", status: "active" }, "The release.\n"),
  });
  const outside = await makeTempVault();
  roots.push(vault, outside);
  await fs.symlink(outside, path.join(vault, "LifeBetter/Entries"), "dir");
  return { vault, outside };
}

describe("symlinked folders in the CLI", () => {
  it("an entry captured into a symlinked entries folder shows up in export, check and search", async () => {
    const { vault, outside } = await vaultWithLinkedEntries();
    const captured = await cli("capture", "--vault", vault, "--type", "insight", "--text", "Marmalade needs pectin", "--json");
    expect(captured.code).toBe(0);
    const { path: notePath, id } = JSON.parse(captured.out) as { path: string; id: string };
    expect(notePath.startsWith("LifeBetter/Entries/")).toBe(true);
    expect(await fs.readdir(outside)).toEqual([path.basename(notePath)]);

    const exported = JSON.parse((await cli("export", "--vault", vault)).out) as { records: { id: string; path: string }[] };
    expect(exported.records.map((record) => [record.id, record.path])).toContainEqual([id, notePath]);
    const checked = JSON.parse((await cli("check", "--vault", vault, "--json")).out) as { files: number; records: Record<string, number> };
    expect(checked).toMatchObject({ files: 2, records: { entry: 1, problem: 1 } });
    const found = JSON.parse((await cli("search", "marmalade pectin", "--vault", vault, "--json")).out) as { path: string }[];
    expect(found.map((result) => result.path)).toContain(notePath);
  });

  it("re-importing a record that lives under a symlinked folder updates it in place and writes no copy", async () => {
    const { vault, outside } = await vaultWithLinkedEntries();
    const captured = JSON.parse((await cli("capture", "--vault", vault, "--type", "insight", "--text", "Jam sets at 105 degrees", "--json")).out) as {
      path: string;
    };
    const file = path.join(vault, ".export.json");
    expect((await cli("export", "--vault", vault, "--out", file)).code).toBe(0);
    for (let round = 0; round < 2; round++) {
      const imported = await cli("import", "--vault", vault, file);
      expect(imported.code).toBe(0);
      expect(imported.out).toContain("Created 0, updated 0, skipped 2, 0 errors.");
    }
    expect(await fs.readdir(outside)).toEqual([path.basename(captured.path)]);
  });

  it("a link back to an ancestor folder does not loop, and a folder linked twice is read once", async () => {
    const { vault } = await vaultWithLinkedEntries();
    expect((await cli("capture", "--vault", vault, "--type", "insight", "--text", "Loops end", "--json")).code).toBe(0);
    await fs.symlink(vault, path.join(vault, "LifeBetter/Problems/up"), "dir");
    await fs.symlink(path.join(vault, "LifeBetter"), path.join(vault, "Also LifeBetter"), "dir");
    const checked = await cli("check", "--vault", vault, "--json");
    expect(checked.code).toBe(0);
    const report = JSON.parse(checked.out) as { files: number; records: Record<string, number>; findings: { message: string }[] };
    // The same ids under two paths would be reported as duplicates; each note is counted once instead.
    expect(report).toMatchObject({ files: 2, records: { entry: 1, problem: 1 }, findings: [] });
  });

  it("reads the plugin's settings from a symlinked config folder", async () => {
    const vault = await makeTempVault();
    const config = await makeTempVault({ "plugins/lifebetter/data.json": JSON.stringify({ folders: { entry: "Journal/Inbox" } }) });
    roots.push(vault, config);
    await fs.symlink(config, path.join(vault, ".obsidian"), "dir");
    const captured = await cli("capture", "--vault", vault, "--type", "insight", "--text", "Settings follow links", "--json");
    expect(captured.code).toBe(0);
    expect((JSON.parse(captured.out) as { path: string }).path.startsWith("Journal/Inbox/")).toBe(true);
  });
});
