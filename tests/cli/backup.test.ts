import { promises as fs } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { composeNote } from "../../src/core/codec/frontmatter";
import { cli } from "../support/cli";
import { makeTempVault, removeVault } from "../support/temp-vault";

const ENTRY = "LifeBetter/Entries/2026-11-20 Sleep first.md";
const ENTRY_TEXT = composeNote(
  { id: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", kind: "entry", type: "insight", created: "2026-11-20T09:00:00Z" },
  "Sleep before debugging.\n",
);
const PRIVATE = "LifeBetter/Entries/secret.md";
const PRIVATE_TEXT = composeNote({ id: "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", kind: "entry", type: "insight", private: true }, "Mine.\n");

let root = "";
afterEach(async () => {
  if (root) await removeVault(root);
  root = "";
});

const settings = (keep: number): string => JSON.stringify({ backupKeep: keep });

describe("lifebetter backup now | list | restore", () => {
  it("writes a backup of every record, private ones included, that list shows", async () => {
    root = await makeTempVault({ [ENTRY]: ENTRY_TEXT, [PRIVATE]: PRIVATE_TEXT, "plain.md": "Not a record.\n" });
    const run = await cli("backup", "now", "--vault", root, "--json");
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as { path: string; records: number; pruned: string[] };
    expect(result.records).toBe(2);
    expect(result.path).toMatch(/^LifeBetter\/Backups\/LifeBetter backup \d{4}-\d{2}-\d{2} \d{6}\.json$/);
    const file = JSON.parse(await fs.readFile(path.join(root, result.path), "utf8")) as { records: { path: string }[] };
    expect(file.records.map((r) => r.path).sort()).toEqual([ENTRY, PRIVATE].sort());
    const list = await cli("backup", "list", "--vault", root, "--json");
    expect((JSON.parse(list.out) as { path: string }[]).map((row) => row.path)).toEqual([result.path]);
  });

  it("moves backups beyond the newest N to the vault's .trash (Obsidian's local trash setting)", async () => {
    const old = ["2026-01-01 0900", "2026-01-02 090000", "2026-01-03 090000"].map((stamp) => `LifeBetter/Backups/LifeBetter backup ${stamp}.json`);
    root = await makeTempVault({
      [ENTRY]: ENTRY_TEXT,
      ".obsidian/app.json": JSON.stringify({ trashOption: "local" }),
      ".obsidian/plugins/lifebetter/data.json": settings(2),
      ...Object.fromEntries(old.map((p) => [p, "{}"])),
    });
    const run = await cli("backup", "now", "--vault", root, "--json");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as { path: string; pruned: string[]; trash: string };
    expect(result.pruned).toEqual(old.slice(0, 2));
    expect(result.trash).toContain(".trash");
    expect((await fs.readdir(path.join(root, ".trash"))).sort()).toEqual(
      old
        .slice(0, 2)
        .map((p) => path.basename(p))
        .sort(),
    );
    const list = await cli("backup", "list", "--vault", root);
    expect(
      list.out
        .trim()
        .split("\n")
        .map((line) => line.replace(/ +\(.*$/, "")),
    ).toEqual([old[2], result.path]);
  });

  it("restores a deleted record from the latest backup, and a dry run writes nothing", async () => {
    root = await makeTempVault({ [ENTRY]: ENTRY_TEXT });
    const backup = JSON.parse((await cli("backup", "now", "--vault", root, "--json")).out) as { path: string };
    await fs.rm(path.join(root, ENTRY));
    const dry = await cli("backup", "restore", "--latest", "--dry-run", "--vault", root, "--json");
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ backup: backup.path, dryRun: true, counts: { create: 1 } });
    await expect(fs.stat(path.join(root, ENTRY))).rejects.toThrow();
    const run = await cli("backup", "restore", path.basename(backup.path), "--vault", root);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`create ${ENTRY}`);
    expect(await fs.readFile(path.join(root, ENTRY), "utf8")).toBe(ENTRY_TEXT);
    const again = await cli("backup", "restore", backup.path, "--vault", root, "--json");
    expect(JSON.parse(again.out)).toMatchObject({ counts: { create: 0, update: 0, skip: 1 } });
  });

  it("says so when there is nothing to restore or the backup is unknown (exit 2), and a damaged backup is exit 1", async () => {
    root = await makeTempVault({ [ENTRY]: ENTRY_TEXT });
    const none = await cli("backup", "restore", "--latest", "--vault", root);
    expect(none.code).toBe(2);
    expect(none.err).toContain("no backups");
    expect((await cli("backup", "list", "--vault", root)).out).toContain("no backups");
    expect((await cli("backup", "restore", "LifeBetter backup 1999-01-01 000000.json", "--vault", root)).code).toBe(2);
    expect((await cli("backup", "restore", "--vault", root)).code).toBe(2);
    expect((await cli("backup", "--vault", root)).code).toBe(2);
    expect((await cli("backup", "now", "--vault", path.join(root, "nope"))).code).toBe(2);
    await fs.mkdir(path.join(root, "LifeBetter/Backups"), { recursive: true });
    await fs.writeFile(path.join(root, "LifeBetter/Backups/LifeBetter backup 2026-01-01 000000.json"), "{ cut sho");
    const damaged = await cli("backup", "restore", "--latest", "--vault", root);
    expect(damaged.code).toBe(1);
    expect(damaged.err).toContain("LifeBetter backup 2026-01-01 000000.json");
  });
});
