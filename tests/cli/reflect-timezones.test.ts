import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { build, type BuildOptions } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempVault, removeVault } from "../support/temp-vault";

const run = promisify(execFile);
const { cli: cliBuildOptions } = (await import("../../esbuild.config.mjs")) as { cli: BuildOptions };

/** The local calendar day in a time zone, computed independently of the code under test. */
function localDay(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

// A process's time zone is fixed when it starts, so each zone runs the bundled CLI in its own process.
describe.each([
  { zone: "Pacific/Auckland", offset: /[+]1[23]:00$/ },
  { zone: "America/Los_Angeles", offset: /-0[78]:00$/ },
])("reflect in $zone", ({ zone, offset }) => {
  let outDir: string;
  let cliPath: string;
  let vault: string;

  beforeAll(async () => {
    outDir = await fs.mkdtemp(path.join(os.tmpdir(), "lifebetter-cli-tz-"));
    cliPath = path.join(outDir, "cli.mjs");
    await build({ ...cliBuildOptions, outfile: cliPath, logLevel: "silent", sourcemap: false });
    vault = await makeTempVault();
  });
  afterAll(async () => {
    await removeVault(vault);
    await fs.rm(outDir, { recursive: true, force: true });
  });

  const reflect = async (...args: string[]) => {
    const { stdout } = await run("node", [cliPath, "reflect", "--vault", vault, "--json", ...args], { env: { ...process.env, TZ: zone } });
    return JSON.parse(stdout) as { path: string; date: string; period_start: string; period_end: string };
  };

  it("today is the user's local day, and created carries the local offset", async () => {
    const before = localDay(zone, new Date());
    const result = await reflect("--period", "daily");
    const after = localDay(zone, new Date());
    expect([before, after]).toContain(result.date);
    const text = await fs.readFile(path.join(vault, result.path), "utf8");
    expect(/created: (\S+)/.exec(text)?.[1]).toMatch(offset);
  });

  it("a week and a month are whole local days, across the daylight-saving change", async () => {
    // Auckland leaves DST on 2026-04-05; Los Angeles on 2026-11-01: both inside these periods.
    expect(await reflect("--period", "weekly", "--date", "2026-11-01")).toMatchObject({ period_start: "2026-10-26", period_end: "2026-11-01" });
    expect(await reflect("--period", "weekly", "--date", "2026-04-05")).toMatchObject({ period_start: "2026-03-30", period_end: "2026-04-05" });
    expect(await reflect("--period", "monthly", "--date", "2026-04-30")).toMatchObject({
      path: "LifeBetter/Reflections/2026-04 reflection.md",
      period_start: "2026-04-01",
      period_end: "2026-04-30",
    });
  });
});
