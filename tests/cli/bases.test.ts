import { promises as fs } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { cli } from "../support/cli";
import { makeTempVault, removeVault } from "../support/temp-vault";

let root: string | undefined;
afterEach(async () => {
  if (root) await removeVault(root);
  root = undefined;
});

describe("lifebetter bases", () => {
  it("writes the four bases into the LifeBetter folder of the plugin's settings, keeping an existing file", async () => {
    root = await makeTempVault({
      "Life/Problems.base": "views: []\n",
      ".obsidian/plugins/lifebetter/data.json": JSON.stringify({
        folders: { entry: "Life/E", problem: "Life/P", "meta-skill": "Life/S", reflection: "Life/R", pattern: "Life/X", conversation: "Life/C" },
      }),
    });
    const run = await cli("bases", "--vault", root, "--json");
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toEqual({
      folder: "Life",
      written: ["Life/Entries.base", "Life/Meta-skills.base", "Life/Reflections.base"],
      kept: ["Life/Problems.base"],
    });
    expect(await fs.readFile(path.join(root, "Life/Problems.base"), "utf8")).toBe("views: []\n");
    const entries = parse(await fs.readFile(path.join(root, "Life/Entries.base"), "utf8")) as { views: { name: string }[] };
    expect(entries.views.map((view) => view.name)).toEqual(["By type", "This week"]);
    const again = await cli("bases", "--vault", root);
    expect(again.out).toBe(
      "Kept Life/Problems.base (it already exists)\nKept Life/Entries.base (it already exists)\nKept Life/Meta-skills.base (it already exists)\nKept Life/Reflections.base (it already exists)\n",
    );
  });

  it("exits 2 for a missing vault", async () => {
    expect((await cli("bases", "--vault", "/no/such/vault")).code).toBe(2);
  });
});
