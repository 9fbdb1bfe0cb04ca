import { promises as fs } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { composeNote } from "../../src/core/codec/frontmatter";
import { cli } from "../support/cli";
import { propertiesOf } from "../support/note-properties";
import { makeTempVault, removeVault } from "../support/temp-vault";

const BLOCKER_ID = "3d9c1b7e-5a2f-4e8b-9c1d-2f3e4a5b6c7d";
const BLOCKER = "LifeBetter/Entries/2026-11-20 CI runner out of disk.md";
const BODY = "The runner fills up  \nwith *artifacts* [[Ship v2]]\n";

let root = "";
afterEach(async () => {
  if (root) await removeVault(root);
  root = "";
});

async function vault(extra: Record<string, string> = {}): Promise<string> {
  root = await makeTempVault({
    [BLOCKER]: composeNote({ id: BLOCKER_ID, kind: "entry", type: "blocker", problem: "[[Ship v2]]" }, BODY),
    "LifeBetter/Entries/insight.md": composeNote({ id: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", kind: "entry", type: "insight" }, "x\n"),
    ...extra,
  });
  return root;
}

const read = (relative: string): Promise<string> => fs.readFile(path.join(root, relative), "utf8");

describe("lifebetter blocker resolve", () => {
  it("writes resolved and how_resolved on the blocker named by id, keeping the body byte for byte", async () => {
    await vault();
    const run = await cli("blocker", "resolve", "--vault", root, "--blocker", BLOCKER_ID, "--resolution", "Pruned old artifacts", "--json");
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.out) as { path: string; resolved: string; how_resolved: string };
    expect(printed).toMatchObject({ path: BLOCKER, how_resolved: "Pruned old artifacts" });
    const text = await read(BLOCKER);
    expect(text.endsWith(BODY)).toBe(true);
    const properties = propertiesOf(text);
    expect(properties.how_resolved).toBe("Pruned old artifacts");
    expect(properties.resolved).toBe(printed.resolved);
    expect(Number.isNaN(Date.parse(String(properties.resolved)))).toBe(false);
  });

  it("finds the blocker by path or note name too, and refuses to resolve it twice", async () => {
    await vault();
    const byName = await cli("blocker", "resolve", "--vault", root, "--blocker", "2026-11-20 CI runner out of disk", "--resolution", "Bigger disk");
    expect(byName.code).toBe(0);
    expect(byName.out).toContain(`Resolved ${BLOCKER}`);
    const before = await read(BLOCKER);
    const again = await cli("blocker", "resolve", "--vault", root, "--blocker", BLOCKER, "--resolution", "Other");
    expect(again.code).toBe(2);
    expect(again.err).toContain("already resolved");
    expect(await read(BLOCKER)).toBe(before);
  });

  it("refuses a note that is not a blocker, an unknown note, a missing resolution and a missing vault (exit 2)", async () => {
    await vault();
    const insight = await cli("blocker", "resolve", "--vault", root, "--blocker", "insight", "--resolution", "x");
    expect(insight.code).toBe(2);
    expect(insight.err).toContain("is not a blocker entry");
    const unknown = await cli("blocker", "resolve", "--vault", root, "--blocker", "nothing here", "--resolution", "x");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('No note "nothing here"');
    const blank = await cli("blocker", "resolve", "--vault", root, "--blocker", BLOCKER_ID, "--resolution", "  ");
    expect(blank.code).toBe(2);
    expect(blank.err).toContain("--resolution");
    expect(propertiesOf(await read(BLOCKER)).resolved).toBeUndefined();
    const noVault = await cli("blocker", "resolve", "--vault", path.join(root, "missing"), "--blocker", BLOCKER_ID, "--resolution", "x");
    expect(noVault.code).toBe(2);
    expect((await cli("blocker", "--vault", root)).code).toBe(2);
  });

  it("leaves a blocker whose properties cannot be parsed as it is (exit 1)", async () => {
    const broken = "---\nkind: entry\ntype: blocker\ntags: [unclosed\n---\nBody\n";
    await vault({ "LifeBetter/Entries/broken.md": broken });
    const run = await cli("blocker", "resolve", "--vault", root, "--blocker", "LifeBetter/Entries/broken.md", "--resolution", "x");
    expect(run.code).toBe(1);
    expect(await read("LifeBetter/Entries/broken.md")).toBe(broken);
  });
});
