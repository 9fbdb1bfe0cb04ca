import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../support/cli";
import { tempStaticModel } from "../support/models/temp-models";
import type { BuiltModel } from "../support/models/model-folder";
import { makeTempVault, removeVault } from "../support/temp-vault";

/**
 * Records created through LifeBetter share its template (## Milestones, ## Sessions and the table
 * header, the entries' date stems): the index must see only what the person wrote, with or without
 * a model, so two unrelated records are never similar and never match a template word.
 */
interface Result {
  path: string;
  title: string;
}

let model: BuiltModel & { cleanup: () => Promise<void> };
let vault: string;
const SOURDOUGH = "LifeBetter/Problems/Bake sourdough bread.md";
const KUBERNETES = "LifeBetter/Problems/Kubernetes pod eviction.md";
const entries: string[] = [];

async function json(...args: string[]): Promise<Result[]> {
  const run = await cli(...args, "--vault", vault, "--json");
  expect(run.code, run.err).toBe(0);
  return JSON.parse(run.out) as Result[];
}

beforeAll(async () => {
  model = await tempStaticModel();
  vault = await makeTempVault({});
  const steps = [
    ["problem", "new", "--title", "Bake sourdough bread"],
    ["problem", "new", "--title", "Kubernetes pod eviction", "--description", "Pods get evicted under memory pressure."],
    [
      "session",
      "add",
      "--problem",
      "Kubernetes pod eviction",
      "--start",
      "2026-12-01T09:00:00Z",
      "--end",
      "2026-12-01T10:00:00Z",
      "--focus",
      "7",
      "--energy",
      "6",
      "--activity",
      "read kubelet logs",
    ],
    [
      "session",
      "add",
      "--problem",
      "Bake sourdough bread",
      "--start",
      "2026-12-01T11:00:00Z",
      "--end",
      "2026-12-01T12:00:00Z",
      "--focus",
      "7",
      "--energy",
      "6",
      "--outcome",
      "starter bubbly",
    ],
    ["capture", "--type", "question", "--text", "What should I cook for dinner"],
    ["capture", "--type", "insight", "--text", "Docker layers cache the build"],
  ];
  for (const step of steps) {
    const run = await cli(...step, "--vault", vault, "--json");
    expect(run.code, run.err).toBe(0);
    if (step[0] === "capture") entries.push((JSON.parse(run.out) as { path: string }).path);
  }
});
afterAll(async () => {
  await removeVault(vault);
  await model.cleanup();
});

describe.each([
  ["without a model", [] as string[]],
  ["with the static test model", ["--model", "MODEL"]],
])("what LifeBetter generated is not indexed (%s)", (_name, extra) => {
  const withModel = (): string[] => extra.map((arg) => (arg === "MODEL" ? model.folder : arg));

  it("two unrelated problems are not similar", async () => {
    expect((await json("similar-problems", "Bake sourdough bread", ...withModel())).map((r) => r.path)).not.toContain(KUBERNETES);
    expect((await json("similar-problems", "Kubernetes pod eviction", ...withModel())).map((r) => r.path)).not.toContain(SOURDOUGH);
    expect((await json("similar", "Bake sourdough bread", ...withModel())).map((r) => r.path)).not.toContain(KUBERNETES);
  });

  it("two unrelated entries are not similar", async () => {
    for (const entry of entries) expect(await json("similar", entry, ...withModel())).toEqual([]);
  });

  it.each(["distractions", "sessions", "milestones", "minutes", "2026", "2026-12-01", "energy", "timestamp"])("search %s matches no record", async (word) => {
    expect(await json("search", word, ...withModel())).toEqual([]);
  });

  it("what the person wrote is still found, the session table's text included", async () => {
    expect((await json("search", "kubelet", ...withModel()))[0]?.path).toBe(KUBERNETES);
    expect((await json("search", "starter", ...withModel()))[0]?.path).toBe(SOURDOUGH);
    expect((await json("search", "dinner", ...withModel()))[0]?.title).toMatch(/What should I cook for dinner$/);
  });
});
