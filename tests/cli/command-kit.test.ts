import { promises as fs } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { COMMANDS, runCli } from "../../src/cli/run-cli";
import { cli } from "../support/cli";
import { hashTree, makeTempVault, removeVault } from "../support/temp-vault";

let root: string | undefined;
afterEach(async () => {
  if (root) await removeVault(root);
  root = undefined;
});

/** Every command as a user types it: with its first subcommand when it has subcommands. */
const invocations = Object.entries(COMMANDS).map(([name, command]) => [name, command.subcommands?.[0]] as const);

describe("every command, through the command kit", () => {
  it.each(invocations)("%s %s: an unknown option prints the usage and exits 2, writing nothing", async (name, sub) => {
    root = await makeTempVault({ "keep.md": "x" });
    const before = await hashTree(root);
    const run = await cli(name, ...(sub ? [sub] : []), "--vault", root, "--no-such-option");
    expect(run.code).toBe(2);
    expect(run.err).toContain(`lifebetter ${name}: Unknown option '--no-such-option'`);
    expect(run.err).toContain(COMMANDS[name]?.usage);
    expect(run.out).toBe("");
    expect(await hashTree(root)).toEqual(before);
  });

  it.each(invocations)("%s %s: a missing vault is said first and exits 2", async (name, sub) => {
    root = await makeTempVault();
    const missing = path.join(root, "no-such-vault");
    const run = await cli(name, ...(sub ? [sub] : []), "--vault", missing);
    expect(run.code).toBe(2);
    expect(run.err).toBe(`lifebetter ${name}: The vault folder "${missing}" does not exist.\n`);
  });

  it.each(invocations)("%s %s: no --vault at all is a usage error (exit 2)", async (name, sub) => {
    const run = await cli(name, ...(sub ? [sub] : []));
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/Missing --vault DIR/);
  });

  it("an unknown subcommand names the ones there are (exit 2)", async () => {
    for (const [name, command] of Object.entries(COMMANDS)) {
      if (!command.subcommands) continue;
      const run = await cli(name, "frobnicate", "--vault", ".");
      expect(run.code).toBe(2);
      expect(run.err).toContain(`Unknown ${name} subcommand "frobnicate"; use "${name} ${command.subcommands[0] ?? ""}"`);
    }
  });
});

describe("exit codes the README gives", () => {
  it("reflect: a reflection template that does not exist is a missing input file (exit 2), and nothing is written", async () => {
    root = await makeTempVault({ ".obsidian/plugins/lifebetter/data.json": JSON.stringify({ reflectionTemplate: "Templates/Gone" }) });
    const before = await hashTree(root);
    for (const args of [
      ["--date", "2026-11-24"],
      ["--period", "adhoc"],
    ]) {
      const run = await cli("reflect", "--vault", root, ...args);
      expect(run.code).toBe(2);
      expect(run.err).toBe('lifebetter reflect: The template "Templates/Gone" does not exist; choose another in settings or clear it.\n');
    }
    expect(await hashTree(root)).toEqual(before);
  });

  it("export: an --out file that exists is the user's to change (exit 2); one that cannot be written is exit 1, one line, no stack", async () => {
    root = await makeTempVault();
    const taken = path.join(root, "taken.json");
    await fs.writeFile(taken, "mine");
    const refused = await cli("export", "--vault", root, "--out", taken);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/already exists; choose another --out file/);
    expect(await fs.readFile(taken, "utf8")).toBe("mine");
    const unwritable = await cli("export", "--vault", root, "--out", path.join(root, "no-such-folder", "out.json"));
    expect(unwritable.code).toBe(1);
    expect(unwritable.err).toMatch(/^lifebetter export: Could not write ".*out.json": ENOENT/);
    expect(unwritable.err.trim().split("\n")).toHaveLength(1);
  });

  it("LIFEBETTER_DEBUG=1 adds the stack trace of an unexpected error, for bug reports", async () => {
    root = await makeTempVault();
    let err = "";
    process.env.LIFEBETTER_DEBUG = "1";
    try {
      const code = await runCli(["export", "--vault", root, "--out", path.join(root, "no-such-folder", "out.json")], {
        out: () => undefined,
        err: (text) => void (err += text),
      });
      expect(code).toBe(1);
    } finally {
      delete process.env.LIFEBETTER_DEBUG;
    }
    expect(err).toMatch(/Could not write[\s\S]*\n {4}at /);
  });

  it("--json prints one line of JSON on stdout for a command that succeeds", async () => {
    root = await makeTempVault();
    const run = await cli("problem", "new", "--vault", root, "--title", "Ship it", "--json");
    expect(run.code).toBe(0);
    expect(run.out.endsWith("\n")).toBe(true);
    expect(run.out.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(run.out)).toMatchObject({ path: expect.stringMatching(/Ship it\.md$/) as unknown });
  });
});
