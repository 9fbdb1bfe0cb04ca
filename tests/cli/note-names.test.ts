import { promises as fs } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseNote } from "../../src/core/codec/frontmatter";
import { cli } from "../support/cli";
import { hashTree, makeTempVault, removeVault } from "../support/temp-vault";

let root: string | undefined;
afterEach(async () => {
  if (root) await removeVault(root);
  root = undefined;
});

const problem = (id: string): string =>
  `---\nid: ${id}\nkind: problem\nstatus: active\n---\n## Sessions\n\n| start | end | minutes | focus | energy | activity | distractions | outcome |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n`;
const TWO_PIPES = {
  "a/Pipe prob.md": problem("0b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a01"),
  "b/Pipe prob.md": problem("1b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a02"),
};
const SESSION = ["--start", "2026-11-20T09:00:00Z", "--end", "2026-11-20T10:00:00Z", "--focus", "5", "--energy", "5"];

describe("names two notes share", () => {
  it("capture and session add refuse the bare name with both paths (exit 2) and write nothing", async () => {
    root = await makeTempVault(TWO_PIPES);
    const before = await hashTree(root);
    const capture = await cli("capture", "--vault", root, "--type", "insight", "--text", "x", "--problem", "Pipe prob");
    expect(capture.code).toBe(2);
    expect(capture.err).toMatch(/"Pipe prob" names 2 notes: a\/Pipe prob.md, b\/Pipe prob.md/);
    const session = await cli("session", "add", "--vault", root, "--problem", "Pipe prob", ...SESSION);
    expect(session.code).toBe(2);
    expect(session.err).toMatch(/a\/Pipe prob.md, b\/Pipe prob.md/);
    expect(await hashTree(root)).toEqual(before);
  });

  it("a path picks one, and capture writes a link that names only that note", async () => {
    root = await makeTempVault(TWO_PIPES);
    const run = await cli("capture", "--vault", root, "--type", "insight", "--text", "x", "--problem", "b/Pipe prob", "--json");
    expect(run.err).toBe("");
    const { path: notePath } = JSON.parse(run.out) as { path: string };
    const parsed = parseNote(await fs.readFile(path.join(root, notePath), "utf8"));
    expect(parsed.ok && parsed.properties.problem).toBe("[[b/Pipe prob]]");
    // Typed as a file path, it is still written as a link Obsidian resolves to that one note.
    const withExtension = await cli("capture", "--vault", root, "--type", "insight", "--text", "y", "--problem", "b/Pipe prob.md", "--json");
    const second = parseNote(await fs.readFile(path.join(root, (JSON.parse(withExtension.out) as { path: string }).path), "utf8"));
    expect(second.ok && second.properties.problem).toBe("[[b/Pipe prob]]");
    const session = await cli("session", "add", "--vault", root, "--problem", "[[b/Pipe prob]]", ...SESSION);
    expect(session.out).toMatch(/to b\/Pipe prob.md/);
  });

  it("a unique name is still written as the bare name", async () => {
    root = await makeTempVault({ "Problems/Ship v2.md": problem("2b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a03") });
    const run = await cli("capture", "--vault", root, "--type", "insight", "--text", "x", "--problem", "ship V2", "--json");
    const { path: notePath } = JSON.parse(run.out) as { path: string };
    const parsed = parseNote(await fs.readFile(path.join(root, notePath), "utf8"));
    expect(parsed.ok && parsed.properties.problem).toBe("[[Ship v2]]");
  });

  it("capture --problem refuses a note that does not exist, naming close matches", async () => {
    root = await makeTempVault({ "Problems/Flaky CI pipeline.md": problem("2b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a03") });
    const before = await hashTree(root);
    const typo = await cli("capture", "--vault", root, "--type", "insight", "--text", "x", "--problem", "Flaky pipeline");
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/No note named "Flaky pipeline" for --problem. Did you mean "Flaky CI pipeline"\?/);
    const none = await cli("capture", "--vault", root, "--type", "insight", "--text", "x", "--problem", "No such problem");
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/No note named "No such problem"/);
    expect(await hashTree(root)).toEqual(before);
  });
});

describe("new problems and skills take the same stand on a taken name", () => {
  it("both refuse a name another note has, with its path; README says so", async () => {
    root = await makeTempVault({ "Elsewhere/Focus.md": "mine" });
    const problemRun = await cli("problem", "new", "--vault", root, "--title", "Focus");
    const skillRun = await cli("skill", "new", "--vault", root, "--name", "Focus");
    for (const run of [problemRun, skillRun]) {
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/A note named "Focus" already exists \(Elsewhere\/Focus.md\)/);
    }
    const readme = await fs.readFile(path.join(__dirname, "../../README.md"), "utf8");
    expect(readme).toMatch(/problem new[^\n]*\n?[^\n]*refuses a title another note/i);
  });
});
