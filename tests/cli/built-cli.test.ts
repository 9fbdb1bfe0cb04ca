import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { build, type BuildOptions } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempVault, removeVault } from "../support/temp-vault";

const run = promisify(execFile);
// The same options `npm run build` uses for dist/cli.js.
const { cli: cliBuildOptions } = (await import("../../esbuild.config.mjs")) as { cli: BuildOptions };

/** The CLI as a user runs it: bundled the way `npm run build` bundles dist/cli.js, in a child process. */
describe("the bundled lifebetter command", () => {
  let outDir: string;
  let vault: string;
  let cliPath: string;

  beforeAll(async () => {
    outDir = await fs.mkdtemp(path.join(os.tmpdir(), "lifebetter-cli-"));
    cliPath = path.join(outDir, "cli.mjs");
    await build({ ...cliBuildOptions, outfile: cliPath, logLevel: "silent" });
    vault = await makeTempVault();
  });
  afterAll(async () => {
    await removeVault(vault);
    await fs.rm(outDir, { recursive: true, force: true });
  });

  it("captures then checks through real processes and exit codes", async () => {
    const captured = await run("node", [cliPath, "capture", "--vault", vault, "--type", "insight", "--text", "Sleep before debugging", "--json"]);
    const { path: notePath } = JSON.parse(captured.stdout) as { path: string };
    expect(await fs.readFile(path.join(vault, notePath), "utf8")).toContain("Sleep before debugging\n");
    const checked = await run("node", [cliPath, "check", "--vault", vault, "--json"]);
    expect(JSON.parse(checked.stdout)).toEqual({ files: 1, records: { entry: 1 }, findings: [] });
    await expect(run("node", [cliPath, "check", "--vault", path.join(vault, "missing")])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/does not exist/) as unknown });
  });
});
