import { promises as fs } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseNote } from "../../src/core/codec/frontmatter";
import { cli } from "../support/cli";
import { hashTree, makeTempVault, removeVault } from "../support/temp-vault";

let root: string | undefined;
afterEach(async () => {
  if (root) await removeVault(root);
  root = undefined;
});

describe("lifebetter capture", () => {
  it("creates the entry and prints {path, id} with --json", async () => {
    root = await makeTempVault({ "Problems/Ship v2.md": "x" });
    const run = await cli(
      "capture",
      "--vault",
      root,
      "--type",
      "attempt",
      "--text",
      "Tried caching the build",
      "--problem",
      "Ship v2",
      "--tags",
      "build,ci",
      "--mood",
      "6",
      "--energy",
      "4",
      "--context",
      "morning",
      "--field",
      "outcome=partial",
      "--json",
    );
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const { path: notePath, id } = JSON.parse(run.out) as { path: string; id: string };
    const parsed = parseNote(await fs.readFile(path.join(root, notePath), "utf8"));
    expect(parsed.ok && parsed.properties).toMatchObject({
      id,
      kind: "entry",
      type: "attempt",
      source: "cli",
      problem: "[[Ship v2]]",
      tags: ["build", "ci"],
      mood: 6,
      energy: 4,
      context: "morning",
      outcome: "partial",
    });
    const check = JSON.parse((await cli("check", "--vault", root, "--json")).out) as { findings: unknown[] };
    expect(check.findings).toEqual([]);
  });

  it("uses the entries folder from the plugin's saved settings", async () => {
    root = await makeTempVault({ ".obsidian/plugins/lifebetter/data.json": JSON.stringify({ folders: { entry: "Inbox/Captures" } }) });
    const run = await cli("capture", "--vault", root, "--type", "question", "--text", "Where do captures go?");
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Captured Inbox\/Captures\/\d{4}-\d{2}-\d{2} Where do captures go\.md \(id [0-9a-f-]{36}\)\n$/);
  });

  it.each([
    [["--type", "nope", "--text", "x"], /Unknown entry type "nope"/],
    [["--type", "insight", "--text", "x", "--mood", "11"], /Mood must be a whole number from 1 to 10/],
    [["--type", "insight", "--text", "x", "--mood", "high"], /--mood must be a whole number from 1 to 10, not "high"/],
    [["--type", "insight"], /Missing --text/],
    [["--text", "x"], /Missing --type/],
    [["--type", "insight", "--text", "x", "--field", "oops"], /--field takes name=value/],
  ])("refuses %j, writes nothing and exits non-zero", async (args, message) => {
    root = await makeTempVault({ "keep.md": "x" });
    const before = await hashTree(root);
    const run = await cli("capture", "--vault", root, ...args);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(await hashTree(root)).toEqual(before);
  });

  it("writes location, feelings, and a parent and conversation named by path or id", async () => {
    const parentId = "0b5e8c1e-7d3a-4f7e-9c61-2f4a8d9e1b23";
    root = await makeTempVault({
      "Entries/First thought.md": `---\nid: ${parentId}\nkind: entry\ntype: insight\n---\nx\n`,
      "Chats/Talk about caching.md": "---\nkind: conversation\n---\nx\n",
    });
    const run = await cli(
      "capture",
      "--vault",
      root,
      "--type",
      "insight",
      "--text",
      "A follow-up",
      "--location",
      "office",
      "--feelings",
      "calm, curious",
      "--parent",
      parentId,
      "--conversation",
      "Chats/Talk about caching.md",
      "--json",
    );
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const { path: notePath } = JSON.parse(run.out) as { path: string };
    const parsed = parseNote(await fs.readFile(path.join(root, notePath), "utf8"));
    expect(parsed.ok && parsed.properties).toMatchObject({
      location: "office",
      feelings: ["calm", "curious"],
      parent: "[[First thought]]",
      conversation: "[[Talk about caching]]",
    });
  });

  it.each([
    [["--parent", "Same"], /"Same" names 2 notes: A\/Same\.md, B\/Same\.md/],
    [["--parent", "Nowhere"], /No note named "Nowhere" for --parent/],
    [["--parent", "Chats/Talk"], /Chats\/Talk\.md, which is not an entry note/],
    [["--conversation", "A/Same"], /not a conversation note/],
    [["--conversation", "Talkk"], /No note named "Talkk" for --conversation/],
  ])("refuses --parent/--conversation %j with exit 2 and writes nothing", async (args, message) => {
    root = await makeTempVault({
      "A/Same.md": "---\nkind: entry\ntype: insight\n---\nx\n",
      "B/Same.md": "---\nkind: entry\ntype: insight\n---\nx\n",
      "Chats/Talk.md": "---\nkind: conversation\n---\nx\n",
    });
    const before = await hashTree(root);
    const run = await cli("capture", "--vault", root, "--type", "insight", "--text", "x", ...args);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(await hashTree(root)).toEqual(before);
  });

  it("refuses a missing vault folder", async () => {
    const run = await cli("capture", "--vault", "/no/such/vault", "--type", "insight", "--text", "x");
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/does not exist/);
  });
});
