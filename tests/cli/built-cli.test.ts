import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli, type BuiltCli } from "../support/built-cli";
import { makeTempVault, removeVault } from "../support/temp-vault";
import { availableParallelism } from "node:os";
import { extractionWorkerCount } from "../../src/core/embed/embedder-pool";
import { cli } from "../support/cli";
import { CORPORA_ROOT, corporaAvailable } from "../support/corpora";

const run = promisify(execFile);

/** The CLI as a user runs it: bundled the way `npm run build` bundles dist/cli.js, in a child process. */
describe("the bundled lifebetter command", () => {
  let built: BuiltCli;
  let vault: string;
  let cliPath: string;

  beforeAll(async () => {
    built = await buildCli();
    cliPath = built.path;
    vault = await makeTempVault();
  });
  afterAll(async () => {
    await removeVault(vault);
    await built.dispose();
  });

  it("captures then checks through real processes and exit codes", async () => {
    const captured = await run("node", [cliPath, "capture", "--vault", vault, "--type", "insight", "--text", "Sleep before debugging", "--json"]);
    const { path: notePath } = JSON.parse(captured.stdout) as { path: string };
    expect(await fs.readFile(path.join(vault, notePath), "utf8")).toContain("Sleep before debugging\n");
    const checked = await run("node", [cliPath, "check", "--vault", vault, "--json"]);
    expect(JSON.parse(checked.stdout)).toEqual({ files: 1, records: { entry: 1 }, findings: [] });
    await expect(run("node", [cliPath, "check", "--vault", path.join(vault, "missing")])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/does not exist/) as unknown,
    });
  });

  it.skipIf(!corporaAvailable())(
    "parses a large vault's notes in extraction workers for a first index, indexes what the in-process run indexes, and exits",
    { timeout: 120_000 },
    async () => {
      const corpus = path.join(CORPORA_ROOT, "vault-digitallyliterate");
      const caches = await fs.mkdtemp(path.join(path.dirname(cliPath), "caches-"));
      const bundled = await run("node", [cliPath, "index", "--vault", corpus, "--cache", path.join(caches, "bundled"), "--json"]);
      const inProcess = await cli("index", "--vault", corpus, "--cache", path.join(caches, "in-process"), "--json");
      const [workers, inline] = [JSON.parse(bundled.stdout), JSON.parse(inProcess.out)] as { notes: number; skipped: unknown[]; extractWorkers: number }[];
      // One per spare core (none on a single core).
      expect(workers!.extractWorkers).toBe(extractionWorkerCount(0, availableParallelism(), false));
      // From source there is no worker bundle: the same index, parsed in the main thread.
      expect(inline!.extractWorkers).toBe(0);
      expect(workers!.notes).toBe(inline!.notes);
      expect(workers!.skipped).toEqual(inline!.skipped);
    },
  );
});
