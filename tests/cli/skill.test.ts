import { promises as fs } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseNote } from "../../src/core/codec/frontmatter";
import { sectionText } from "../../src/core/codec/sections";
import { addDaysTo, dayOf } from "../../src/core/dates/days";
import { cli } from "../support/cli";
import { hashTree, makeTempVault, removeVault } from "../support/temp-vault";

let root: string | undefined;
afterEach(async () => {
  if (root) await removeVault(root);
  root = undefined;
});

describe("lifebetter skill new", () => {
  it("creates the meta-skill note with its sections and review fields, due tomorrow", async () => {
    root = await makeTempVault({ "keep.md": "x" });
    const run = await cli(
      "skill",
      "new",
      "--vault",
      root,
      "--name",
      "Divide and conquer",
      "--category",
      "Debugging",
      "--what",
      "Split the problem.",
      "--when",
      "When it is too big.",
      "--how",
      "Halve it.\nAgain.",
      "--json",
    );
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const { path: notePath, id } = JSON.parse(run.out) as { path: string; id: string };
    expect(notePath).toBe("LifeBetter/Meta-skills/Divide and conquer.md");
    const text = await fs.readFile(path.join(root, notePath), "utf8");
    const parsed = parseNote(text);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.properties).toMatchObject({
      id,
      kind: "meta-skill",
      source: "learned",
      category: "Debugging",
      review_due: addDaysTo(dayOf(new Date()), 1),
      review_count: 0,
      ease: 2.5,
      interval_days: 0,
    });
    expect(sectionText(parsed.parts.body, "What it is")).toBe("Split the problem.");
    expect(sectionText(parsed.parts.body, "When to use")).toBe("When it is too big.");
    expect(sectionText(parsed.parts.body, "How to apply")).toBe("Halve it.\nAgain.");
    const check = JSON.parse((await cli("check", "--vault", root, "--json")).out) as { findings: unknown[] };
    expect(check.findings).toEqual([]);
    // Not due today: its first review is tomorrow.
    const due = JSON.parse((await cli("review", "--vault", root, "--due", "--json")).out) as { items: unknown[] };
    expect(due.items).toEqual([]);
  });

  it("writes empty sections and a discovered date when asked", async () => {
    root = await makeTempVault();
    const run = await cli("skill", "new", "--vault", root, "--name", "Sleep on it", "--source", "discovered");
    expect(run.code).toBe(0);
    const text = await fs.readFile(path.join(root, "LifeBetter/Meta-skills/Sleep on it.md"), "utf8");
    expect(text).toMatch(/\n---\n## What it is\n\n## When to use\n\n## How to apply\n$/);
    const parsed = parseNote(text);
    expect(parsed.ok && parsed.properties).toMatchObject({ source: "discovered", discovered: dayOf(new Date()) });
    expect(parsed.ok && Object.keys(parsed.properties)).not.toContain("category"); // no empty `category:`
    expect(text).not.toMatch(/^category:/m);
  });

  it.each([
    [["--name", "Existing"], /A note named "Existing" already exists \(Elsewhere\/Existing.md\)/],
    [["--name", "existing"], /already exists/],
    [["--name", "What? Why?"], /cannot be a note name/],
    [["--name", "   "], /has no name/],
    [["--name", "Fine", "--source", "dreamt"], /Source must be one of discovered, learned, imported/],
    [[], /Missing --name/],
  ])("refuses %j: exit 2, nothing written or overwritten", async (args, message) => {
    root = await makeTempVault({ "Elsewhere/Existing.md": "mine\n" });
    const before = await hashTree(root);
    const run = await cli("skill", "new", "--vault", root, ...args);
    expect(run.err).toMatch(message);
    expect(run.code).toBe(2);
    expect(await hashTree(root)).toEqual(before);
  });

  it("refuses an unknown subcommand", async () => {
    const run = await cli("skill", "list", "--vault", ".");
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/use "skill new"/);
  });
});
