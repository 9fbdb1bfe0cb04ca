import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../support/cli";
import { tempStaticModel } from "../support/models/temp-models";
import type { BuiltModel } from "../support/models/model-folder";
import { makeTempVault, removeVault } from "../support/temp-vault";

// Every note is about a failing test; two are private, spelled as people do.
const NOTES: Record<string, string> = {
  "Problems/Flaky checks.md": "---\nkind: problem\nstatus: solved\n---\nThe failing test in the sync plugin crashes every night.\n",
  "Problems/Secret flaky test.md": "---\nkind: problem\nstatus: active\nprivate: yes\n---\nThe failing test in the sync plugin crashes at my secret job.\n",
  "Problems/Nightly build.md": "---\nkind: problem\nstatus: active\n---\nThe failing test in the nightly build crashes the sync plugin.\n",
  "Journal/Diary.md": "---\nPrivate: true\n---\nThe failing test in the sync plugin crashes and I feel awful.\n",
  "Meta-skills/Rubber duck.md": "---\nkind: meta-skill\nuses_total: 4\nuses_success: 3\n---\nExplain the failing test line by line.\n",
  "Meta-skills/Secret duck.md": "---\nkind: meta-skill\nprivate: 1\n---\nExplain the failing test line by line to my therapist.\n",
};
const PRIVATE = ["Journal/Diary.md", "Meta-skills/Secret duck.md", "Problems/Secret flaky test.md"];

let model: BuiltModel & { cleanup: () => Promise<void> };
let vault: string;
beforeAll(async () => {
  model = await tempStaticModel();
  vault = await makeTempVault(NOTES);
});
afterAll(async () => {
  await removeVault(vault);
  await model.cleanup();
});

async function paths(...args: string[]): Promise<{ path: string; private?: boolean }[]> {
  const run = await cli(...args, "--vault", vault, "--model", model.folder, "--json");
  expect(run.code, run.err).toBe(0);
  return JSON.parse(run.out) as { path: string; private?: boolean }[];
}

describe("private records in the CLI's search commands", () => {
  it.each<[string, string[]]>([
    ["search", ["search", "failing test crashes"]],
    ["similar", ["similar", "Flaky checks"]],
    ["similar-problems", ["similar-problems", "Flaky checks"]],
    ["suggest-skills", ["suggest-skills", "explain the failing test"]],
  ])("%s leaves private records out unless --include-private, and then marks them", async (_, args) => {
    const hidden = await paths(...args);
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.filter((r) => PRIVATE.includes(r.path))).toEqual([]);

    const shown = await paths(...args, "--include-private");
    const privateShown = shown.filter((r) => PRIVATE.includes(r.path));
    expect(privateShown.length).toBeGreaterThan(0);
    for (const result of privateShown) expect(result.private).toBe(true);
  });

  it("clusters leaves private notes out unless --include-private", async () => {
    const clustered = async (...extra: string[]): Promise<string[]> => {
      const run = await cli("clusters", "--vault", vault, "--model", model.folder, "--k", "2", "--json", ...extra);
      expect(run.code, run.err).toBe(0);
      return (JSON.parse(run.out) as { notes: { path: string }[] }[]).flatMap((cluster) => cluster.notes.map((note) => note.path));
    };
    const hidden = await clustered();
    expect(hidden.length).toBe(Object.keys(NOTES).length - PRIVATE.length);
    expect(hidden.filter((p) => PRIVATE.includes(p))).toEqual([]);
    expect((await clustered("--include-private")).filter((p) => PRIVATE.includes(p)).sort()).toEqual(PRIVATE);
    // Named notes too: a private one named on the command line is left out.
    expect(await clustered("Problems/Flaky checks.md", "Problems/Secret flaky test.md", "Problems/Nightly build.md")).not.toContain(
      "Problems/Secret flaky test.md",
    );
  });

  it("says (private) in the text output", async () => {
    const run = await cli("search", "failing test crashes", "--vault", vault, "--model", model.folder, "--include-private");
    expect(run.out).toMatch(/Secret flaky test\.md \[problem\] \(private\)/);
  });
});
