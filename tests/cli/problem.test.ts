import { promises as fs } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { composeNote, parseNote } from "../../src/core/codec/frontmatter";
import { parseSessions } from "../../src/core/problems/sessions-table";
import { cli } from "../support/cli";
import { hashTree, makeTempVault, removeVault } from "../support/temp-vault";

let root: string | undefined;
afterEach(async () => {
  if (root) await removeVault(root);
  root = undefined;
});

async function read(relative: string) {
  if (!root) throw new Error("no vault");
  const parsed = parseNote(await fs.readFile(path.join(root, relative), "utf8"));
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed;
}

function json<T>(run: { code: number; out: string; err: string }): T {
  expect(run.err).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.out) as T;
}

const skill = (name: string) => ({
  [`LifeBetter/Meta-skills/${name}.md`]: composeNote({ id: crypto.randomUUID(), kind: "meta-skill", source: "learned" }, `## What it is\n${name}\n`),
});

describe("problems end to end through the CLI", () => {
  it("new problem → sessions → time_spent → attempts → solve → skill effectiveness, with check clean throughout", async () => {
    root = await makeTempVault({ ...skill("Bisect"), ...skill("Rubber duck") });
    const created = json<{ path: string; id: string }>(
      await cli(
        "problem",
        "new",
        "--vault",
        root,
        "--title",
        "Flaky CI",
        "--description",
        "Tests fail one run in five.",
        "--priority",
        "urgent",
        "--estimate",
        "120",
        "--target",
        "2026-12-01",
        "--json",
      ),
    );
    expect(created.path).toBe("LifeBetter/Problems/Flaky CI.md");
    const note = await read(created.path);
    expect(note.properties).toMatchObject({ id: created.id, kind: "problem", status: "active", priority: "urgent", estimate: 120, target: "2026-12-01" });
    expect(note.parts.body.startsWith("Tests fail one run in five.\n")).toBe(true);

    // Meta-skills on the problem itself are the user's edit in Obsidian; simulate it.
    const problemFile = path.join(root, created.path);
    await fs.writeFile(problemFile, (await fs.readFile(problemFile, "utf8")).replace("status: active", 'status: active\nmeta_skills:\n  - "[[Bisect]]"'));

    const first = json<{ minutes: number; timeSpent: number }>(
      await cli(
        "session",
        "add",
        "--vault",
        root,
        "--problem",
        "Flaky CI",
        "--start",
        "2026-11-20T09:00:00Z",
        "--end",
        "2026-11-20T10:30:00Z",
        "--focus",
        "7",
        "--energy",
        "6",
        "--activity",
        "reading logs",
        "--distractions",
        "chat",
        "--outcome",
        "found a race",
        "--json",
      ),
    );
    expect(first).toMatchObject({ minutes: 90, timeSpent: 90 });
    const second = await cli(
      "session",
      "add",
      "--vault",
      root,
      "--problem",
      "[[Flaky CI]]",
      "--start",
      "2026-11-21T14:00:00Z",
      "--end",
      "2026-11-21T14:45:00Z",
      "--focus",
      "9",
      "--energy",
      "8",
    );
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/^Added 45 minutes to LifeBetter\/Problems\/Flaky CI\.md \(time spent 135 minutes, last worked /);
    const worked = await read(created.path);
    expect(worked.properties).toMatchObject({ time_spent: 135 });
    expect(Date.parse(String(worked.properties.last_worked))).toBe(Date.parse("2026-11-21T14:45:00Z"));
    expect(parseSessions(worked.parts.body).rows.map((row) => [row.minutes, row.focus, row.activity, row.outcome])).toEqual([
      [90, 7, "reading logs", "found a race"],
      [45, 9, "", ""],
    ]);

    const attempt = await cli(
      "capture",
      "--vault",
      root,
      "--type",
      "attempt",
      "--text",
      "Retried with a lock",
      "--problem",
      "Flaky CI",
      "--skills",
      "Rubber duck",
      "--field",
      "outcome=success",
    );
    expect(attempt.code).toBe(0);
    expect(json<{ findings: unknown[] }>(await cli("check", "--vault", root, "--json")).findings).toEqual([]);

    const solved = json<{ status: string; skills: { path: string }[]; missingSkills: string[] }>(
      await cli(
        "problem",
        "solve",
        "--vault",
        root,
        "--problem",
        "Flaky CI",
        "--learned",
        "Races hide in fixtures; log timings",
        "--worked",
        "Bisecting",
        "--didnt-work",
        "Retrying",
        "--json",
      ),
    );
    expect(solved.status).toBe("solved");
    expect(solved.missingSkills).toEqual([]);
    expect(solved.skills.map((s) => s.path).sort()).toEqual(["LifeBetter/Meta-skills/Bisect.md", "LifeBetter/Meta-skills/Rubber duck.md"]);
    expect((await read(created.path)).properties).toMatchObject({
      status: "solved",
      what_learned: ["Races hide in fixtures", "log timings"],
      what_worked: ["Bisecting"],
      what_didnt_work: ["Retrying"],
    });
    for (const name of ["Bisect", "Rubber duck"]) {
      expect((await read(`LifeBetter/Meta-skills/${name}.md`)).properties).toMatchObject({
        uses_total: 1,
        uses_success: 1,
        uses_failed: 0,
        hours_to_solution: 2.25,
      });
    }

    // A second problem that used Bisect and was solved in 1 hour moves its average.
    const other = json<{ path: string }>(await cli("problem", "new", "--vault", root, "--title", "Slow build", "--json"));
    await cli(
      "session",
      "add",
      "--vault",
      root,
      "--problem",
      "Slow build",
      "--start",
      "2026-11-22T09:00:00Z",
      "--end",
      "2026-11-22T10:45:00Z",
      "--focus",
      "5",
      "--energy",
      "5",
    );
    await cli("capture", "--vault", root, "--type", "attempt", "--text", "Bisected the config", "--problem", "Slow build", "--skills", "Bisect");
    expect((await cli("problem", "solve", "--vault", root, "--problem", other.path)).code).toBe(0);
    expect((await read("LifeBetter/Meta-skills/Bisect.md")).properties).toMatchObject({ uses_total: 2, uses_success: 2, hours_to_solution: 2 });
    expect((await read("LifeBetter/Meta-skills/Rubber duck.md")).properties).toMatchObject({ uses_total: 1, hours_to_solution: 2.25 });

    const listed = json<{ title: string; status: string; time_spent: number }[]>(await cli("problems", "--vault", root, "--json"));
    expect(listed.map(({ title, status, time_spent }) => [title, status, time_spent])).toEqual([
      ["Flaky CI", "solved", 135],
      ["Slow build", "solved", 105],
    ]);
    expect(json<{ findings: unknown[] }>(await cli("check", "--vault", root, "--json")).findings).toEqual([]);
  });

  it("--abandon records a failed use, refuses closing twice, and prints a summary without --json", async () => {
    root = await makeTempVault({
      ...skill("Bisect"),
      "LifeBetter/Problems/Side quest.md": composeNote(
        { id: crypto.randomUUID(), kind: "problem", status: "active", meta_skills: ["[[Bisect]]", "[[Missing skill]]"] },
        "x\n",
      ),
    });
    const run = await cli("problem", "solve", "--vault", root, "--problem", "Side quest", "--abandon");
    expect(run.code).toBe(0);
    expect(run.out).toBe(
      "Marked LifeBetter/Problems/Side quest.md abandoned.\n  LifeBetter/Meta-skills/Bisect.md: 0 of 1 uses solved\n  no meta-skill note for: Missing skill\n",
    );
    expect((await read("LifeBetter/Meta-skills/Bisect.md")).properties).toMatchObject({ uses_total: 1, uses_success: 0, uses_failed: 1 });
    expect((await read("LifeBetter/Meta-skills/Bisect.md")).properties).not.toHaveProperty("hours_to_solution");
    const before = await hashTree(root);
    const again = await cli("problem", "solve", "--vault", root, "--problem", "Side quest");
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/is already abandoned/);
    expect(await hashTree(root)).toEqual(before);
  });

  it.each([
    [["problem", "new"], /Missing --title/],
    [["problem", "new", "--title", "x", "--priority", "asap"], /Unknown priority "asap"/],
    [["problem", "new", "--title", "x", "--estimate", "soon"], /--estimate must be a number of minutes/],
    [["problem", "new", "--title", "x", "--target", "tomorrow"], /target "tomorrow" is not a date/],
    [["problem", "new", "--title", "???"], /has no title/],
    [["problem", "solve"], /Missing --problem/],
    [["problem", "solve", "--problem", "Nope"], /No problem note named "Nope"/],
    [["problem", "close"], /Unknown problem subcommand "close"/],
    [["problem"], /Missing subcommand/],
  ])("refuses %j, writes nothing and exits 2", async (args, message) => {
    root = await makeTempVault({ "keep.md": "x" });
    const before = await hashTree(root);
    const [command = "", sub = "", ...rest] = args;
    const run = await cli(command, ...(sub ? [sub] : []), "--vault", root, ...rest);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(await hashTree(root)).toEqual(before);
  });

  it("prints the problem commands' usage with --help", async () => {
    const run = await cli("problem", "--help");
    expect(run.code).toBe(0);
    expect(run.out).toContain("lifebetter problem new --vault DIR --title TITLE");
    expect(run.out).toContain("lifebetter problem solve --vault DIR --problem NAME");
  });
});
