import { afterEach, describe, expect, it } from "vitest";
import { cli } from "../support/cli";
import { hashTree, makeTempVault, removeVault } from "../support/temp-vault";
import { HOME_TODAY, PREVIOUS_WEEK_START, WEEK_START, homeVault } from "../support/home-vault";

let root: string | undefined;
afterEach(async () => {
  if (root) await removeVault(root);
  root = undefined;
});

const localDay = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;

describe("lifebetter today", () => {
  it("prints the day as JSON with the documented keys, changing nothing", async () => {
    const generated = homeVault(5);
    root = await makeTempVault({
      ...generated.files,
      ".obsidian/daily-notes.json": JSON.stringify({ folder: "Daily", format: "YYYY-MM-DD" }),
      ".obsidian/plugins/lifebetter/data.json": JSON.stringify({
        runningSession: { problemPath: "LifeBetter/Problems/Flaky CI.md", start: "2026-11-26T08:00:00" },
      }),
    });
    const before = await hashTree(root);
    const run = await cli("today", "--vault", root, "--date", HOME_TODAY, "--json");
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as Record<string, unknown> & { week: Record<string, unknown>; previous_week: Record<string, unknown> };
    expect(Object.keys(json)).toEqual([
      "date",
      "reviews_due",
      "reflection",
      "session",
      "decisions_due",
      "problems",
      "next_actions",
      "patterns",
      "week",
      "previous_week",
    ]);
    const weekKeys = ["start", "focus_minutes", "sessions", "active_days", "entries_by_type", "mood_avg", "energy_avg", "sleep_avg", "estimate_accuracy"];
    expect(Object.keys(json.week)).toEqual(expect.arrayContaining(weekKeys));
    expect(Object.keys(json.previous_week)).toEqual(expect.arrayContaining(weekKeys));
    expect(json).toMatchObject({
      date: HOME_TODAY,
      reviews_due: 1,
      session: { problem: { path: "LifeBetter/Problems/Flaky CI.md", title: "Flaky CI" }, start: "2026-11-26T08:00:00" },
    });
    // The week's focus minutes are the sum of the sessions that started in it.
    for (const [week, start] of [
      [json.week, WEEK_START],
      [json.previous_week, PREVIOUS_WEEK_START],
    ] as const) {
      const sessions = generated.sessions.filter((s) => localDay(s.start) >= start && localDay(s.start) < (start === WEEK_START ? "2026-11-30" : WEEK_START));
      expect(week).toMatchObject({ start, focus_minutes: sessions.reduce((sum, s) => sum + s.minutes, 0), sessions: sessions.length });
    }
    expect(json.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: "Flaky CI", next_milestone: { text: "Find the race", due: "2026-11-20", scheduled: null, overdue_days: 6 } }),
      ]),
    );
    expect(await hashTree(root)).toEqual(before);
  });

  it("names where today's reflection will be when it is not started, from the daily notes settings", async () => {
    root = await makeTempVault({ "a.md": "x", ".obsidian/daily-notes.json": JSON.stringify({ folder: "Daily", format: "YYYY-MM-DD" }) });
    const run = await cli("today", "--vault", root, "--date", "2026-12-01", "--json");
    expect(JSON.parse(run.out)).toMatchObject({
      reflection: { path: "Daily/2026-12-01 reflection.md", state: "not_started" },
      session: null,
      problems: [],
      next_actions: [],
    });
  });

  it("prints a readable summary without --json", async () => {
    root = await makeTempVault(homeVault(5).files);
    const run = await cli("today", "--vault", root, "--date", HOME_TODAY);
    expect(run.code).toBe(0);
    expect(run.out).toContain("Today 2026-11-26\nReviews due: 1\n");
    expect(run.out).toMatch(/\nProblem: Flaky CI \[urgent(, stale)?, 1 open blocker\]; next: Find the race \(due 2026-11-20, overdue\)\n/);
    expect(run.out).toContain("\nNext: Ship the fix — Flaky CI (due 2026-12-05)\n");
    expect(run.out).toMatch(/This week \(from 2026-11-23\): \d+ min focus in \d+ sessions \(((coding|meeting|reading) \d+ min(, )?)+\)/);
  });

  it.each([
    [["--date", "2026-13-01"], /--date must be a date/],
    [["--date", "tomorrow"], /--date must be a date/],
    [["--bogus"], /Unknown option/],
  ])("refuses %j with exit code 2", async (args, message) => {
    root = await makeTempVault();
    const run = await cli("today", "--vault", root, ...args);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
  });

  it("exits 2 for a missing vault", async () => {
    const run = await cli("today", "--vault", "/no/such/vault");
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/does not exist/);
  });
});
