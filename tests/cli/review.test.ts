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

const ID = "3f2b8c4e-5d6a-4b7c-8e9f-0a1b2c3d4e5f";
const SKILL_BODY = "\r\n## What it is\r\n\r\nSplit the problem.\r\n\r\n## When to use\r\n\r\nToo big to hold.\r\n\r\n## How to apply\r\n\r\nHalve it.  \r\n";
// CRLF line ends, a comment, an unknown key and a trailing-space line: all must survive a grade.
const SKILL = `---\r\nid: ${ID}\r\nkind: meta-skill # a comment\r\nmy_key: keep me\r\nreview_due: 2026-03-02\r\nreview_count: 2\r\nease: 2.5\r\ninterval_days: 6\r\nreviewed_on:\r\n  - 2026-02-18\r\n  - 2026-02-24\r\n---${SKILL_BODY}`;

const note = (props: string, body = "Body.\n") => `---\n${props}\n---\n${body}`;

async function vault(extra: Record<string, string> = {}): Promise<string> {
  root = await makeTempVault({
    "Skills/Divide and conquer.md": SKILL,
    "Skills/Rubber duck.md": note("kind: meta-skill\nreview_due: 2026-03-10\nreview_count: 0\nease: 2.5\ninterval_days: 0"),
    "Skills/Later.md": note("kind: meta-skill\nreview_due: 2026-04-01\nreview_count: 3\nease: 2.5\ninterval_days: 20"),
    "Skills/Hand edited.md": note("kind: meta-skill\nreview_due: soon\nreview_count: 3\nease: lots\ninterval_days: 6"),
    "Entries/Take the job.md": note("kind: entry\ntype: decision\nreview_on: 2026-03-08\nexpected_outcome: More time"),
    "Entries/Note.md": note("kind: entry\ntype: insight"),
    "Broken.md": "---\nkind: meta-skill\nreview_due: [oops\n---\nx\n",
    ...extra,
  });
  return root;
}

async function properties(file: string): Promise<Record<string, unknown>> {
  const parsed = parseNote(await fs.readFile(path.join(root!, file), "utf8"));
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.properties;
}

describe("lifebetter review --due", () => {
  it("lists due skills and decisions in review order, warnings included, without crashing on a broken note", async () => {
    const dir = await vault();
    const run = await cli("review", "--vault", dir, "--due", "--today", "2026-03-10");
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const lines = run.out.split("\n");
    expect(lines[0]).toBe("4 items to review on 2026-03-10: 3 skills due, 1 decision due.");
    expect(lines.slice(1, 7)).toEqual([
      "skill     Hand edited — due now — Skills/Hand edited.md",
      '          warning: review_due "soon" is not a date (YYYY-MM-DD); shown as due today',
      '          warning: ease "lots" is not a number; treated as 2.5',
      "skill     Divide and conquer — due 2026-03-02 (8 days overdue) — Skills/Divide and conquer.md",
      "decision  Take the job — due 2026-03-08 (2 days overdue) — Entries/Take the job.md",
      "new skill Rubber duck — due 2026-03-10 — Skills/Rubber duck.md",
    ]);
    expect(lines[7]).toBe("Done today: 0. Streak: 0 days. Due in the next 7 days: 0.");
  });

  it("prints the queue and summary as JSON, and honours the limits in the plugin's settings", async () => {
    const dir = await vault({ ".obsidian/plugins/lifebetter/data.json": JSON.stringify({ reviewsPerDay: 1 }) });
    const run = await cli("review", "--vault", dir, "--due", "--today", "2026-03-10", "--json");
    expect(run.code).toBe(0);
    const queue = JSON.parse(run.out) as { items: { name: string; kind: string }[]; heldBack: number; summary: { streakDays: number } };
    expect(queue.items.map((item) => item.name)).toEqual(["Hand edited", "Take the job"]);
    expect(queue.heldBack).toBe(2);
    expect(queue.summary.streakDays).toBe(0);
  });
});

describe("lifebetter review --grade", () => {
  it("writes the next schedule to the properties only: body and other keys byte-identical", async () => {
    const dir = await vault();
    const before = await hashTree(dir);
    const run = await cli("review", "--vault", dir, "--grade", "Divide and conquer", "good", "--today", "2026-03-10", "--json");
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    // Interval 6, ease 2.5, Good (q = 4): 6 × 2.5 = 15 days from 10 March, ease unchanged.
    expect(JSON.parse(run.out)).toMatchObject({
      path: "Skills/Divide and conquer.md",
      grade: "good",
      reviewDue: "2026-03-25",
      intervalDays: 15,
      ease: 2.5,
      reviewCount: 3,
    });
    const text = await fs.readFile(path.join(dir, "Skills/Divide and conquer.md"), "utf8");
    expect(text.endsWith(`---${SKILL_BODY}`)).toBe(true);
    expect(text).toContain("kind: meta-skill # a comment\r\nmy_key: keep me\r\n");
    expect(await properties("Skills/Divide and conquer.md")).toMatchObject({
      id: ID,
      review_due: "2026-03-25",
      review_count: 3,
      ease: 2.5,
      interval_days: 15,
      reviewed_on: ["2026-02-18", "2026-02-24", "2026-03-10"],
    });
    const after = await hashTree(dir);
    const changed = [...after].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => file);
    expect(changed).toEqual(["Skills/Divide and conquer.md"]);
    // Graded today, so no longer due; the review counts towards today's total.
    const due = JSON.parse((await cli("review", "--vault", dir, "--due", "--today", "2026-03-10", "--json")).out) as {
      doneToday: number;
      items: { name: string }[];
    };
    expect(due.doneToday).toBe(1);
    expect(due.items.map((item) => item.name)).not.toContain("Divide and conquer");
  });

  it("repairs a hand-edited schedule and says so", async () => {
    const dir = await vault();
    const run = await cli("review", "--vault", dir, "--grade", "Skills/Hand edited.md", "3", "--today", "2026-03-10");
    expect(run.code).toBe(0);
    // Ease "lots" is used as 2.5; interval 6 → 15 days.
    expect(run.out).toBe(
      'repaired: review_due "soon" is not a date (YYYY-MM-DD); shown as due today\n' +
        'repaired: ease "lots" is not a number; treated as 2.5\n' +
        "Graded Skills/Hand edited.md good: next review 2026-03-25 (in 15 days, ease 2.5).\n",
    );
    expect(await properties("Skills/Hand edited.md")).toMatchObject({ review_due: "2026-03-25", ease: 2.5, interval_days: 15 });
    const check = JSON.parse((await cli("check", "--vault", dir, "--json")).out) as { findings: { path: string }[] };
    expect(check.findings.filter((finding) => finding.path === "Skills/Hand edited.md")).toEqual([expect.objectContaining({ code: "missing-id" })]);
  });

  it("uses FSRS when the settings choose it", async () => {
    const dir = await vault({ ".obsidian/plugins/lifebetter/data.json": JSON.stringify({ scheduler: "fsrs" }) });
    const run = await cli("review", "--vault", dir, "--grade", "Rubber duck", "easy", "--today", "2026-03-10", "--json");
    expect(run.code).toBe(0);
    const props = await properties("Skills/Rubber duck.md");
    expect(props).toMatchObject({ review_count: 1, fsrs_state: "review", fsrs_lapses: 0, reviewed_on: ["2026-03-10"] });
    expect(typeof props.fsrs_stability).toBe("number");
    expect(props.review_due).toBe((JSON.parse(run.out) as { reviewDue: string }).reviewDue);
  });

  it.each([
    [["--grade", "No such skill", "good"], /No note "No such skill"/],
    [["--grade", "Divide and conquer", "great"], /"great" is not a grade/],
    [["--grade", "Divide and conquer"], /Give one grade after the note/],
    [["--grade", "Entries/Note.md", "good"], /is not a meta-skill/],
    [["--grade", "Divide and conquer", "good", "--today", "2026-02-30"], /--today must be a date/],
    [["--due", "--grade", "Divide and conquer", "good"], /exactly one of/],
    [[], /exactly one of/],
    [["--due", "--bogus"], /Unknown option '--bogus'/],
  ])("refuses %j: exit 2, nothing written", async (args, message) => {
    const dir = await vault();
    const before = await hashTree(dir);
    const run = await cli("review", "--vault", dir, ...args);
    expect(run.err).toMatch(message);
    expect(run.code).toBe(2);
    expect(await hashTree(dir)).toEqual(before);
  });

  it("refuses to rewrite a note whose frontmatter cannot be parsed", async () => {
    const dir = await vault();
    const before = await hashTree(dir);
    const run = await cli("review", "--vault", dir, "--grade", "Broken", "good");
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/was not changed/);
    expect(await hashTree(dir)).toEqual(before);
  });
});

describe("lifebetter review --decision", () => {
  it("fills actual_outcome, satisfaction and would_decide_same; the decision leaves the queue", async () => {
    const dir = await vault();
    const run = await cli(
      "review",
      "--vault",
      dir,
      "--decision",
      "Take the job",
      "--outcome",
      "Less stress, more pay",
      "--satisfaction",
      "8",
      "--same",
      "yes",
      "--today",
      "2026-03-10",
    );
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(await properties("Entries/Take the job.md")).toMatchObject({
      actual_outcome: "Less stress, more pay",
      satisfaction: 8,
      would_decide_same: true,
      reviewed_on: ["2026-03-10"],
      expected_outcome: "More time",
    });
    expect(await fs.readFile(path.join(dir, "Entries/Take the job.md"), "utf8")).toMatch(/\n---\nBody\.\n$/);
    const due = JSON.parse((await cli("review", "--vault", dir, "--due", "--today", "2026-03-10", "--json")).out) as {
      items: { kind: string }[];
      summary: { doneToday: number };
    };
    expect(due.items.some((item) => item.kind === "decision")).toBe(false);
    expect(due.summary.doneToday).toBe(1);
  });

  it.each([
    [["--decision", "Take the job", "--outcome", "ok", "--satisfaction", "11", "--same", "no"], /Satisfaction must be a whole number from 1 to 10/],
    [
      ["--decision", "Take the job", "--outcome", "ok", "--satisfaction", "high", "--same", "no"],
      /--satisfaction must be a whole number from 1 to 10, not "high"/,
    ],
    [["--decision", "Take the job", "--outcome", "ok", "--satisfaction", "5", "--same", "maybe"], /--same takes yes or no/],
    [["--decision", "Take the job", "--outcome", "  ", "--satisfaction", "5", "--same", "no"], /outcome is empty/],
    [["--decision", "Take the job", "--satisfaction", "5", "--same", "no"], /Missing --outcome/],
    [["--decision", "Divide and conquer", "--outcome", "ok", "--satisfaction", "5", "--same", "no"], /not a decision entry/],
    [["--decision", "Nope", "--outcome", "ok", "--satisfaction", "5", "--same", "no"], /No note "Nope"/],
  ])("refuses %j: exit 2, nothing written", async (args, message) => {
    const dir = await vault();
    const before = await hashTree(dir);
    const run = await cli("review", "--vault", dir, ...args);
    expect(run.err).toMatch(message);
    expect(run.code).toBe(2);
    expect(await hashTree(dir)).toEqual(before);
  });
});
