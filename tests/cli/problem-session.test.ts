import { promises as fs } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { composeNote, parseNote } from "../../src/core/codec/frontmatter";
import { cli } from "../support/cli";
import { hashTree, makeTempVault, removeVault } from "../support/temp-vault";

const ID = "0b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a01";
const PROBLEM = "LifeBetter/Problems/Ship v2.md";
const BODY = `Why the release is late — *notes* with [[Ship v2#Notes]] and trailing spaces   

## Milestones
- [x] Reproduce
- [ ] Fix

## Sessions
| start | end | minutes | focus | energy | activity | distractions | outcome |
| --- | --- | --- | --- | --- | --- | --- | --- |
| 2026-11-20T09:00:00Z | 2026-11-20T10:30:00Z | 90 | 7 | 6 | debugging | slack | found it |

## Notes
Keep\tthese bytes.
`;

let root: string | undefined;
afterEach(async () => {
  if (root) await removeVault(root);
  root = undefined;
});

async function vault(body = BODY, properties: Record<string, unknown> = { time_spent: 90 }): Promise<string> {
  root = await makeTempVault({
    [PROBLEM]: composeNote({ id: ID, kind: "problem", status: "active", ...properties }, body),
    "LifeBetter/Entries/insight.md": composeNote({ id: crypto.randomUUID(), kind: "entry", type: "insight" }, "x\n"),
  });
  return root;
}

async function noteBody(): Promise<string> {
  if (!root) throw new Error("no vault");
  const parsed = parseNote(await fs.readFile(path.join(root, PROBLEM), "utf8"));
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.parts.body;
}

const ok = ["--start", "2026-11-21T09:00:00Z", "--end", "2026-11-21T10:00:00Z", "--focus", "5", "--energy", "5"];

describe("lifebetter session add", () => {
  it("changes no byte of the body outside the Sessions table", async () => {
    await vault();
    const run = await cli("session", "add", "--vault", root ?? "", "--problem", "Ship v2", ...ok, "--activity", "a | b");
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const body = await noteBody();
    const at = BODY.indexOf("found it |") + "found it |".length;
    const inserted = body.length - BODY.length;
    expect(inserted).toBeGreaterThan(0);
    expect(body.slice(0, at)).toBe(BODY.slice(0, at));
    expect(body.slice(at + inserted)).toBe(BODY.slice(at));
    expect(body.slice(at, at + inserted)).toMatch(/^\n\| 2026-11-21T09:00:00Z +\| 2026-11-21T10:00:00Z +\| 60 +\| 5 +\| 5 +\| a \\\| b +\|/);
  });

  it("writes the activity type and the distractions count into their cells, and reads them back", async () => {
    await vault();
    const settingsPath = path.join(root ?? "", ".obsidian/plugins/lifebetter");
    await fs.mkdir(settingsPath, { recursive: true });
    await fs.writeFile(path.join(settingsPath, "data.json"), JSON.stringify({ customActivityTypes: ["pairing"] }));
    const coding = await cli(
      "session",
      "add",
      "--vault",
      root ?? "",
      "--problem",
      "Ship v2",
      ...ok,
      "--activity-type",
      "coding",
      "--activity",
      "fixed the parser",
      "--distractions",
      "3",
      "--distraction-notes",
      "slack, email",
      "--json",
    );
    expect(coding.err).toBe("");
    expect((JSON.parse(coding.out) as { cells: Record<string, string> }).cells).toMatchObject({
      activity: "coding: fixed the parser",
      distractions: "3: slack, email",
    });
    const custom = await cli(
      "session",
      "add",
      "--vault",
      root ?? "",
      "--problem",
      "Ship v2",
      "--start",
      "2026-11-22T09:00:00Z",
      "--end",
      "2026-11-22T09:30:00Z",
      "--focus",
      "8",
      "--energy",
      "6",
      "--activity-type",
      "pairing",
      "--distractions",
      "0",
    );
    expect(custom.code).toBe(0);
    const { parseSessions } = await import("../../src/core/problems/sessions-table");
    const rows = parseSessions(await noteBody(), undefined, ["coding", "pairing"]).rows;
    expect(rows.map((row) => [row.activityType, row.activityText, row.distractionCount, row.distractionText])).toEqual([
      [undefined, "debugging", undefined, "slack"],
      ["coding", "fixed the parser", 3, "slack, email"],
      ["pairing", "", 0, ""],
    ]);
  });

  it.each([
    [["--activity-type", "gaming"], /Unknown activity type "gaming". Choose one of: coding, reading, writing, meeting, research, planning/],
    [["--distractions=-1"], /--distractions must be a whole number of 0 or more, not "-1"/],
    [["--distractions", "2.5"], /--distractions must be a whole number/],
    [["--distractions", "slack", "--distraction-notes", "email"], /--distractions takes a count/],
  ])("refuses activity/distractions %j with exit 2 and writes nothing", async (args, message) => {
    await vault();
    const before = await hashTree(root ?? "");
    const run = await cli("session", "add", "--vault", root ?? "", "--problem", "Ship v2", ...ok, ...args);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(await hashTree(root ?? "")).toEqual(before);
  });

  it.each([
    [["--start", "2026-11-21T10:00:00Z", "--end", "2026-11-21T09:00:00Z", "--focus", "5", "--energy", "5"], /ends .* before or when it starts/],
    [["--start", "2026-11-20T10:00:00Z", "--end", "2026-11-20T11:00:00Z", "--focus", "5", "--energy", "5"], /overlaps session 1 of this problem/],
    [
      ["--start", "2026-11-21T09:00:00Z", "--end", "2026-11-21T10:00:00Z", "--focus", "11", "--energy", "5"],
      /Focus must be a whole number from 1 to 10, not 11/,
    ],
    [
      ["--start", "2026-11-21T09:00:00Z", "--end", "2026-11-21T10:00:00Z", "--focus", "5", "--energy", "0"],
      /Energy must be a whole number from 1 to 10, not 0/,
    ],
    [
      ["--start", "2026-11-21T09:00:00Z", "--end", "2026-11-21T10:00:00Z", "--focus", "high", "--energy", "5"],
      /--focus must be a whole number from 1 to 10, not "high"/,
    ],
    [["--start", "9am", "--end", "2026-11-21T10:00:00Z", "--focus", "5", "--energy", "5"], /start "9am" is not an ISO date and time/],
    [["--end", "2026-11-21T10:00:00Z", "--focus", "5", "--energy", "5"], /Missing --start/],
    [["--start", "2026-11-21T09:00:00Z", "--focus", "5", "--energy", "5"], /Missing --end/],
    [["--start", "2026-11-21T09:00:00Z", "--end", "2026-11-21T10:00:00Z", "--energy", "5"], /Missing --focus/],
  ])("refuses %j with a clear message, exit 2, and writes nothing", async (args, message) => {
    await vault();
    const before = await hashTree(root ?? "");
    const run = await cli("session", "add", "--vault", root ?? "", "--problem", "Ship v2", ...args);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(run.out).toBe("");
    expect(await hashTree(root ?? "")).toEqual(before);
  });

  it.each([
    ["Nope", /No problem note named "Nope"/],
    ["insight", /"LifeBetter\/Entries\/insight.md" is not a problem note/],
  ])("refuses problem %s and writes nothing", async (name, message) => {
    await vault();
    const before = await hashTree(root ?? "");
    const run = await cli("session", "add", "--vault", root ?? "", "--problem", name, ...ok);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(await hashTree(root ?? "")).toEqual(before);
  });

  it("a hand-edited table with a bad row: check reports it, add refuses it, listing and solving still work", async () => {
    await vault(BODY.replace("| 90 | 7 |", "| 90 | 7 |").replace("found it |\n", "found it |\n| 2026-11-21 09:00 | later | ? | 11 | 5 | | | |\n"));
    const check = await cli("check", "--vault", root ?? "", "--json");
    expect(check.code).toBe(0);
    const findings = (JSON.parse(check.out) as { findings: { path: string; code: string; message: string; fix?: unknown }[] }).findings;
    expect(findings).toEqual([
      {
        path: PROBLEM,
        code: "invalid-session-row",
        severity: "warning",
        message: expect.stringMatching(/^row 2 of the Sessions table cannot be read: start "2026-11-21 09:00" is not an ISO date and time/) as string,
      },
    ]);

    const before = await hashTree(root ?? "");
    const add = await cli("session", "add", "--vault", root ?? "", "--problem", "Ship v2", ...ok);
    expect(add.code).toBe(2);
    expect(add.err).toMatch(/rows that cannot be read \(row 2: start "2026-11-21 09:00"/);
    expect(await hashTree(root ?? "")).toEqual(before);

    const list = await cli("problems", "--vault", root ?? "", "--json");
    expect(list.code).toBe(0);
    expect((JSON.parse(list.out) as { time_spent: number }[])[0]?.time_spent).toBe(90);
    expect((await cli("problem", "solve", "--vault", root ?? "", "--problem", "Ship v2")).code).toBe(0);
  });

  it("check reports a time_spent that does not match, and --fix writes the sum without touching the body", async () => {
    await vault(BODY, { time_spent: 500 });
    const bodyBefore = await noteBody();
    const check = JSON.parse((await cli("check", "--vault", root ?? "", "--json")).out) as { findings: { code: string; message: string }[] };
    expect(check.findings.map((f) => [f.code, f.message])).toEqual([["time-spent-mismatch", "time_spent is 500 but the 1 sessions add up to 90 minutes"]]);
    const fixed = JSON.parse((await cli("check", "--vault", root ?? "", "--fix", "--json")).out) as {
      findings: unknown[];
      fixed: { code: string; fix: string }[];
    };
    expect(fixed.fixed).toEqual([{ path: PROBLEM, code: "time-spent-mismatch", fix: "set time_spent to 90, the sum of the sessions" }]);
    expect(fixed.findings).toEqual([]);
    expect(await noteBody()).toBe(bodyBefore);
  });

  it("refuses an unknown or missing subcommand", async () => {
    expect((await cli("session", "list", "--vault", ".")).err).toMatch(/Unknown session subcommand "list"/);
    const run = await cli("session", "--vault", ".");
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/Missing subcommand: session add/);
  });
});
