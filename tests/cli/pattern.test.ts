import { promises as fs } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cli } from "../support/cli";
import { propertiesOf } from "../support/note-properties";
import { patternVault } from "../support/pattern-vault";
import { makeTempVault, removeVault } from "../support/temp-vault";

let root = "";
afterEach(async () => {
  if (root) await removeVault(root);
  root = "";
});

async function keys(): Promise<string[]> {
  const run = await cli("patterns", "--vault", root, "--json");
  expect(run.code).toBe(0);
  return (JSON.parse(run.out) as { key: string }[]).map((row) => row.key);
}

interface Decided {
  path: string;
  key: string;
  status: string;
  helpful: number | null;
  feedback: string | null;
}

describe("lifebetter pattern confirm | dismiss | rate", () => {
  it("confirms a proposal by its key into a Pattern note, after which it is no longer proposed", async () => {
    root = await makeTempVault(patternVault(1).files);
    const [key] = await keys();
    expect(key).toBeDefined();
    const run = await cli("pattern", "confirm", key ?? "", "--vault", root, "--json");
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const decided = JSON.parse(run.out) as Decided;
    expect(decided).toMatchObject({ key, status: "confirmed" });
    expect(decided.path.startsWith("LifeBetter/Patterns/")).toBe(true);
    const properties = propertiesOf(await fs.readFile(path.join(root, decided.path), "utf8"));
    expect(properties).toMatchObject({ kind: "pattern", pattern_key: key, status: "confirmed" });
    expect(await keys()).not.toContain(key);
    const again = await cli("pattern", "dismiss", key ?? "", "--vault", root);
    expect(again.code).toBe(2);
    expect(again.err).toContain("already confirmed");
  });

  it("rates with feedback without deciding, then dismisses into the same note", async () => {
    root = await makeTempVault(patternVault(1).files);
    const key = (await keys())[1] ?? "";
    const rated = await cli("pattern", "rate", key, "--rating", "4", "--feedback", "  Rings true  ", "--vault", root, "--json");
    expect(rated.code).toBe(0);
    const first = JSON.parse(rated.out) as Decided;
    expect(first).toMatchObject({ status: "detected", helpful: 4, feedback: "Rings true" });
    expect(await keys()).toContain(key); // a rating is not a decision
    const feedback = await cli("pattern", "rate", key, "--feedback", "Only on weekdays", "--vault", root, "--json");
    expect(JSON.parse(feedback.out)).toMatchObject({ path: first.path, helpful: 4, feedback: "Only on weekdays" });
    const dismissed = await cli("pattern", "dismiss", key, "--vault", root, "--json");
    const second = JSON.parse(dismissed.out) as Decided;
    expect(second.path).toBe(first.path);
    const properties = propertiesOf(await fs.readFile(path.join(root, first.path), "utf8"));
    expect(properties).toMatchObject({ status: "dismissed", helpful: 4, feedback: "Only on weekdays" });
    expect(await keys()).not.toContain(key);
    const patternNotes = (await fs.readdir(path.join(root, "LifeBetter/Patterns"))).length;
    expect(patternNotes).toBe(1);
  });

  it("refuses an unknown key, a rating outside 1–5 and a missing KEY with exit 2, writing nothing", async () => {
    root = await makeTempVault(patternVault(1).files);
    const [key] = await keys();
    const unknown = await cli("pattern", "confirm", "temporal/nothing", "--vault", root);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("patterns --json");
    for (const rating of ["0", "6", "3.5", "good"]) {
      const bad = await cli("pattern", "rate", key ?? "", "--rating", rating, "--vault", root);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain("--rating");
    }
    expect((await cli("pattern", "rate", key ?? "", "--vault", root)).code).toBe(2);
    expect((await cli("pattern", "confirm", "--vault", root)).code).toBe(2);
    expect((await cli("pattern", "confirm", key ?? "", "--rating", "3", "--vault", root)).code).toBe(2);
    expect((await cli("pattern", "approve", key ?? "", "--vault", root)).code).toBe(2);
    await expect(fs.stat(path.join(root, "LifeBetter/Patterns"))).rejects.toThrow();
  });
});
