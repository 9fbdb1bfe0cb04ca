import { promises as fs } from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../support/cli";
import { tempStaticModel } from "../support/models/temp-models";
import type { BuiltModel } from "../support/models/model-folder";
import { makeTempVault, removeVault } from "../support/temp-vault";

const NOTES: Record<string, string> = {
  "LifeBetter/Problems/Flaky checks.md": "---\nkind: problem\nstatus: solved\n---\nThe failing test in the sync plugin crashes every night.\n",
  "LifeBetter/Problems/Slow editor.md": "---\nkind: problem\nstatus: active\n---\nThe editor is sluggish when a note has many images.\n",
  "LifeBetter/Problems/Sourdough.md": "---\nkind: problem\nstatus: abandoned\n---\nMy sourdough loaf does not rise in the oven.\n",
  "LifeBetter/Meta-skills/Rubber duck debugging.md":
    "---\nkind: meta-skill\nuses_total: 10\nuses_success: 8\n---\n## What it is\nExplain the broken code line by line to find the bug.\n",
  "LifeBetter/Meta-skills/Sleep on it.md":
    "---\nkind: meta-skill\nuses_total: 4\nuses_success: 1\n---\n## What it is\nRest and come back to the idea tomorrow.\n",
  "Recipes/Bread.md": "Bake bread: flour, water, yeast and a hot oven.\n",
  "Journal/2026-01-01.md": "---\ntags: [daily]\n---\nFelt anxious and tired after the meeting at work.\n",
};

let model: BuiltModel & { cleanup: () => Promise<void> };
beforeAll(async () => {
  model = await tempStaticModel();
});
afterAll(async () => {
  await model.cleanup();
});

async function withVault(run: (vault: string) => Promise<void>): Promise<void> {
  const vault = await makeTempVault(NOTES);
  try {
    await run(vault);
  } finally {
    await removeVault(vault);
  }
}

interface IndexSummary {
  notes: number;
  chunks: number;
  embedded: number;
  reused: number;
  ms: number;
}

describe("lifebetter index and the search commands", () => {
  it("indexes with a model, and a second run computes no embedding", () =>
    withVault(async (vault) => {
      const first = await cli("index", "--vault", vault, "--model", model.folder, "--json");
      expect(first.err).toBe("");
      expect(first.code).toBe(0);
      const summary = JSON.parse(first.out) as IndexSummary;
      expect(summary).toMatchObject({ notes: 7, chunks: 0, embedded: 7, reused: 0 });
      await expect(fs.stat(path.join(vault, ".lifebetter", "index.bin"))).resolves.toBeTruthy();

      const second = JSON.parse((await cli("index", "--vault", vault, "--model", model.folder, "--json")).out) as IndexSummary;
      expect(second).toMatchObject({ notes: 7, embedded: 0, reused: 7 });
    }));

  it("search prints {path, id, title, kind, score} best first, finding a paraphrase by meaning", () =>
    withVault(async (vault) => {
      const run = await cli("search", "repair the broken check", "--vault", vault, "--model", model.folder, "--json");
      expect(run.code).toBe(0);
      const results = JSON.parse(run.out) as { path: string; score: number; kind: string | null }[];
      expect(results[0]).toMatchObject({ path: "LifeBetter/Problems/Flaky checks.md", kind: "problem", title: "Flaky checks" });
      const scores = results.map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const filtered = JSON.parse((await cli("search", "oven", "--kind", "problem", "--vault", vault, "--model", model.folder, "--json")).out) as {
        path: string;
      }[];
      expect(filtered.map((r) => r.path)).toEqual(["LifeBetter/Problems/Sourdough.md"]);
    }));

  it("similar, suggest-skills, similar-problems and clusters answer from the same index", () =>
    withVault(async (vault) => {
      const common = ["--vault", vault, "--model", model.folder, "--json"];
      const similar = JSON.parse((await cli("similar", "Sourdough", ...common)).out) as { path: string }[];
      expect(similar[0]?.path).toBe("Recipes/Bread.md");

      const skills = JSON.parse((await cli("suggest-skills", "fix the bug in my code", ...common)).out) as { path: string }[];
      expect(skills[0]?.path).toBe("LifeBetter/Meta-skills/Rubber duck debugging.md");

      const problems = JSON.parse((await cli("similar-problems", "a crash in a failing check", ...common)).out) as { path: string; reasons: string[] }[];
      expect(problems[0]?.path).toBe("LifeBetter/Problems/Flaky checks.md");
      expect(problems[0]?.reasons).toContain("status: solved");

      const clusters = JSON.parse((await cli("clusters", "--k", "3", ...common)).out) as { label: string; size: number; notes: { path: string }[] }[];
      expect(clusters).toHaveLength(3);
      expect(clusters.reduce((sum, c) => sum + c.size, 0)).toBe(7);
      const breadCluster = clusters.find((c) => c.notes.some((n) => n.path === "Recipes/Bread.md"));
      expect(breadCluster?.notes.map((n) => n.path)).toContain("LifeBetter/Problems/Sourdough.md");
    }));

  it("a model that cannot be loaded is reported on stderr and search goes on with full text", () =>
    withVault(async (vault) => {
      const run = await cli("search", "sourdough", "--vault", vault, "--model", path.join(vault, "no-such-model"), "--json");
      expect(run.code).toBe(0);
      expect(run.err).toMatch(/model could not be loaded.*full-text/i);
      expect((JSON.parse(run.out) as { path: string }[])[0]?.path).toBe("LifeBetter/Problems/Sourdough.md");
    }));

  it("a corrupt saved index is reported and rebuilt", () =>
    withVault(async (vault) => {
      await cli("index", "--vault", vault, "--model", model.folder);
      const file = path.join(vault, ".lifebetter", "index.bin");
      const bytes = await fs.readFile(file);
      bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
      await fs.writeFile(file, bytes);
      const run = await cli("index", "--vault", vault, "--model", model.folder, "--json");
      expect(run.err).toMatch(/rebuilding the index: .*checksum/);
      // The embedding cache still holds every vector: a rebuild computes none.
      expect(JSON.parse(run.out)).toMatchObject({ notes: 7, embedded: 0 });
    }));

  it("keeps its files in --cache DIR when given, and reports usage errors", () =>
    withVault(async (vault) => {
      const cache = path.join(vault, "..", `${path.basename(vault)}-cache`);
      try {
        const run = await cli("index", "--vault", vault, "--cache", cache, "--model", model.folder);
        expect(run.out).toMatch(/Indexed 7 notes/);
        await expect(fs.stat(path.join(cache, "index.bin"))).resolves.toBeTruthy();
        await expect(fs.stat(path.join(vault, ".lifebetter"))).rejects.toThrow();
      } finally {
        await fs.rm(cache, { recursive: true, force: true });
      }
      expect((await cli("search", "--vault", vault)).code).toBe(2);
      expect((await cli("clusters", "--vault", vault, "--k", "0")).code).toBe(2);
      const missing = await cli("similar", "No such note", "--vault", vault, "--model", model.folder);
      // A note the user named that is not there is a usage error, as in connect and review (it was exit 1).
      expect(missing.code).toBe(2);
      expect(missing.err).toMatch(/No note "No such note"/);
    }));
});
