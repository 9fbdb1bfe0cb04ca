import { describe, expect, it } from "vitest";
import { composeNote } from "../../../src/core/codec/frontmatter";
import { homeData, type HomeInput } from "../../../src/core/home/today";
import { loadSettings } from "../../../src/core/settings";
import { loadRecords } from "../../../src/core/vault/records";
import { MemoryNoteRepository } from "../../support/memory-note-repository";
import { HOME_TODAY, PREVIOUS_WEEK_START, WEEK_START, activityTypeOf, homeVault, type HomeVault } from "../../support/home-vault";

const settings = loadSettings({});

async function home(files: Record<string, string>, extra: Partial<HomeInput> = {}) {
  const vault = await loadRecords(new MemoryNoteRepository(files), settings);
  return homeData({ vault, settings, today: HOME_TODAY, now: new Date(2026, 10, 26, 9, 0), runningSession: null, ...extra });
}

const inWeek = (day: string, start: string) => {
  const end = new Date(`${start}T00:00:00`);
  end.setDate(end.getDate() + 7);
  return day >= start && new Date(`${day}T00:00:00`) < end;
};
const localDay = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
const average = (values: number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

/** The week's numbers worked out from what the generator wrote, not from the code under test. */
function expectedWeek(generated: HomeVault, start: string) {
  const sessions = generated.sessions.filter((session) => inWeek(localDay(session.start), start));
  const dailies = generated.dailies.filter((daily) => inWeek(daily.date, start));
  const entries = generated.entries.filter((entry) => inWeek(entry.day, start));
  const byType: Record<string, number> = {};
  for (const entry of entries) byType[entry.type] = (byType[entry.type] ?? 0) + 1;
  const byActivity: Record<string, number> = {};
  for (const session of sessions) {
    const type = activityTypeOf(session.activity);
    if (type) byActivity[type] = (byActivity[type] ?? 0) + session.minutes;
  }
  return {
    minutesByActivity: byActivity,
    start,
    focusMinutes: sessions.reduce((sum, session) => sum + session.minutes, 0),
    sessions: sessions.length,
    entriesByType: byType,
    moodAvg: average(dailies.map((daily) => daily.mood)),
    energyAvg: average(dailies.map((daily) => daily.energy)),
    sleepAvg: average(dailies.map((daily) => daily.sleep)),
  };
}

describe("home data: the week against the previous one", () => {
  it.each([7, 11, 23])("sums the generated vault's sessions, entries and dailies per Monday-Sunday week (seed %i)", async (seed) => {
    const generated = homeVault(seed);
    const data = await home(generated.files);
    for (const [week, start] of [
      [data.week, WEEK_START],
      [data.previousWeek, PREVIOUS_WEEK_START],
    ] as const) {
      const expected = expectedWeek(generated, start);
      expect(expected.sessions).toBeGreaterThan(0);
      const { moodAvg, energyAvg: _energy, sleepAvg: _sleep, minutesByActivity, ...counts } = expected;
      expect(week).toMatchObject(counts);
      // Time by activity type: only typed sessions, most time first.
      expect(Object.keys(minutesByActivity).length).toBeGreaterThan(1);
      expect(week.minutesByActivity).toEqual(minutesByActivity);
      expect(Object.values(week.minutesByActivity)).toEqual([...Object.values(minutesByActivity)].sort((a, b) => b - a));
      expect(week.moodAvg ?? -1).toBeCloseTo(moodAvg ?? -1, 9);
      expect(week.energyAvg ?? -1).toBeCloseTo(expected.energyAvg ?? -1, 9);
      expect(week.sleepAvg ?? -1).toBeCloseTo(expected.sleepAvg ?? -1, 9);
      expect(week.end > week.start).toBe(true);
    }
  });

  it("counts active days, estimate accuracy of problems solved that week, and the skills used", async () => {
    const data = await home(homeVault().files);
    expect(data.week.estimateAccuracy).toBe(1.5);
    expect(data.previousWeek.estimateAccuracy).toBe(0.75);
    expect(data.week.metaSkills).toEqual([{ path: "LifeBetter/Meta-skills/Divide and conquer.md", name: "Divide and conquer", uses: 2, worked: 1 }]);
    expect(data.previousWeek.metaSkills).toEqual([{ path: "LifeBetter/Meta-skills/Rubber duck.md", name: "Rubber duck", uses: 1, worked: 1 }]);
    const empty = await home({ "a.md": "x" });
    expect(empty.week).toMatchObject({ focusMinutes: 0, sessions: 0, activeDays: 0, entriesByType: {}, moodAvg: null, estimateAccuracy: null, metaSkills: [] });
    const active = await home({
      "E/a.md": composeNote({ kind: "entry", type: "insight", timestamp: "2026-11-23T08:00:00" }, "x\n"),
      "E/b.md": composeNote({ kind: "entry", type: "insight", timestamp: "2026-11-23T20:00:00" }, "x\n"),
      "R/r.md": composeNote({ kind: "reflection", period: "daily", date: "2026-11-29" }, ""),
      "R/old.md": composeNote({ kind: "reflection", period: "daily", date: "2026-11-22" }, ""),
      "S/s.md": composeNote({ kind: "meta-skill", reviewed_on: ["2026-11-25"] }, ""),
    });
    expect(active.week.activeDays).toBe(3);
    expect(active.previousWeek.activeDays).toBe(1);
  });
});

describe("home data: today", () => {
  it("lists reviews and decisions due, open problems by priority with next milestone, overdue ones and open blockers", async () => {
    const data = await home(homeVault().files);
    expect(data.date).toBe(HOME_TODAY);
    expect(data.reviewsDue).toBe(1);
    expect(data.decisionsDue).toEqual([{ path: "LifeBetter/Entries/Take the role.md", title: "Take the role", reviewOn: "2026-11-25", overdueDays: 1 }]);
    expect(data.problems.map((problem) => problem.title)).toEqual(["Flaky CI", "Tax return", "Learn Rust"]);
    const [flaky] = data.problems;
    expect(flaky).toMatchObject({
      priority: "urgent",
      nextMilestone: { text: "Find the race", due: "2026-11-20", overdueDays: 6 },
      overdueMilestones: [{ text: "Find the race", due: "2026-11-20", overdueDays: 6 }],
      openBlockers: [{ path: "LifeBetter/Entries/Waiting for access.md", title: "Waiting for access" }],
    });
    expect(data.problems[2]?.nextMilestone).toMatchObject({ text: "Finish the book", due: "2026-12-31", overdueDays: 0 });
  });

  it("gives open tasks of open problems as next actions, dated ones first", async () => {
    const data = await home(homeVault().files);
    expect(data.nextActions.map((action) => [action.text, action.problem.title, action.milestone])).toEqual([
      ["Find the race", "Flaky CI", true],
      ["Ask Ana about the fixtures", "Flaky CI", false],
      ["Ship the fix", "Flaky CI", true],
      ["Finish the book", "Learn Rust", true],
      ["Read the runner docs", "Flaky CI", false],
    ]);
  });

  it("says whether today's reflection is not started, started or done", async () => {
    const files = { "a.md": "x" };
    expect((await home(files, { reflectionPath: "Daily/2026-11-26 reflection.md" })).reflection).toEqual({
      path: "Daily/2026-11-26 reflection.md",
      state: "not_started",
    });
    const note = (extra: Record<string, unknown>, body = "## What worked?\n") =>
      composeNote({ kind: "reflection", period: "daily", date: HOME_TODAY, ...extra }, body);
    expect((await home({ "R/today.md": note({}) })).reflection).toEqual({ path: "R/today.md", state: "started" });
    expect((await home({ "R/today.md": note({ mood: 6 }) })).reflection).toEqual({ path: "R/today.md", state: "done" });
    expect((await home({ "R/today.md": note({}, "## What worked?\n- A long walk\n") })).reflection.state).toBe("done");
  });

  it("shows the running session with its minutes, following a renamed problem by id", async () => {
    const files = { "P/Renamed.md": composeNote({ id: "11111111-1111-4111-8111-111111111111", kind: "problem", status: "active" }, "") };
    const data = await home(files, {
      runningSession: { problemPath: "P/Old name.md", problemId: "11111111-1111-4111-8111-111111111111", start: "2026-11-26T08:15:00" },
    });
    expect(data.session).toEqual({ problem: { path: "P/Renamed.md", title: "Renamed" }, start: "2026-11-26T08:15:00", minutes: 45 });
    expect((await home(files)).session).toBeNull();
  });
});
