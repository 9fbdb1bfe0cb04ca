import { describe, expect, it } from "vitest";
import { composeNote } from "../../../src/core/codec/frontmatter";
import { reflectionModel, reflectionRange } from "../../../src/core/reflection/reflection-model";
import { currentStreak } from "../../../src/core/reflection/habits";
import { periodRange } from "../../../src/core/reflection/periods";
import { loadSettings } from "../../../src/core/settings";
import { loadRecords } from "../../../src/core/vault/records";
import { MemoryNoteRepository } from "../../support/memory-note-repository";

const settings = loadSettings({
  habits: [
    { name: "Run", targetPerWeek: 3 },
    { name: "Read", targetPerWeek: 7 },
  ],
});
const entry = (type: string, timestamp: string, extra: Record<string, unknown> = {}) => composeNote({ kind: "entry", type, timestamp, ...extra }, "text\n");
const daily = (date: string, extra: Record<string, unknown>) => composeNote({ kind: "reflection", period: "daily", date, ...extra }, "## Wins\n");
const sessions = `## Sessions
| start | end | minutes | focus | energy | activity | distractions | outcome |
| --- | --- | --- | --- | --- | --- | --- | --- |
| 2026-11-24T09:00:00 | 2026-11-24T10:30:00 | 90 | 7 | 6 | logs | | |
| 2026-11-24T23:30:00 | 2026-11-25T00:15:00 | 45 | | | late | | |
| 2026-11-20T09:00:00 | 2026-11-20T09:20:00 | 20 | | | | | |
`;

const vault = new MemoryNoteRepository({
  "E/q1.md": entry("question", "2026-11-24T08:00:00"),
  "E/q2.md": entry("question", "2026-11-24T22:59:00"),
  "E/i1.md": entry("insight", "2026-11-24T12:00:00"),
  "E/old.md": entry("insight", "2026-11-23T12:00:00"),
  "E/blocked.md": entry("blocker", "2026-11-01T12:00:00", { problem: "[[Flaky CI]]" }),
  "E/unblocked.md": entry("blocker", "2026-11-01T12:00:00", { resolved: "2026-11-02T12:00:00" }),
  "E/decide.md": entry("decision", "2026-10-01T12:00:00", { review_on: "2026-11-24" }),
  "E/later.md": entry("decision", "2026-10-01T12:00:00", { review_on: "2026-12-24" }),
  "P/Flaky CI.md": composeNote({ kind: "problem", status: "active" }, sessions),
  "S/Bisect.md": composeNote({ kind: "meta-skill", reviewed_on: ["2026-11-20", "2026-11-24"] }, ""),
  "S/Rubber duck.md": composeNote({ kind: "meta-skill", reviewed_on: ["2026-11-20"] }, ""),
  "R/2026-11-22.md": daily("2026-11-22", { mood: 4, energy: 5, sleep_hours: 6, habits: ["Run", "Read"], wins: ["Fixed the build"] }),
  "R/2026-11-23.md": daily("2026-11-23", { mood: 6, energy: 5, sleep_hours: 7, habits: ["Read"] }),
  "R/2026-11-24.md": daily("2026-11-24", { mood: 8, energy: 7, sleep_hours: 8, habits: ["run", "Read"], wins: ["Shipped v2", "Ran 5k"] }),
  "R/2026-11-25.md": daily("2026-11-25", { mood: "great", habits: "Read" }),
});

describe("the context beside a daily reflection", () => {
  it("gathers the day's entries by type, time per problem, skills reviewed, open blockers and decisions due", async () => {
    const { records } = await loadRecords(vault, settings);
    const note = records.find((record) => record.path === "R/2026-11-24.md");
    if (!note) throw new Error("no daily");
    const range = reflectionRange(note.properties);
    expect(range).toEqual(periodRange("daily", "2026-11-24"));
    const model = reflectionModel(note, periodRange("daily", "2026-11-24"), records, settings);
    expect(model.context.entriesByType).toEqual([
      {
        type: "question",
        entries: [
          { path: "E/q1.md", title: "q1" },
          { path: "E/q2.md", title: "q2" },
        ],
      },
      { type: "insight", entries: [{ path: "E/i1.md", title: "i1" }] },
    ]);
    // Sessions count on the local day they started.
    expect(model.context.problems).toEqual([{ path: "P/Flaky CI.md", title: "Flaky CI", minutes: 135, sessions: 2 }]);
    expect(model.context.skillsReviewed.map((s) => s.title)).toEqual(["Bisect"]);
    expect(model.context.openBlockers).toEqual([{ path: "E/blocked.md", title: "blocked", problem: "[[Flaky CI]]" }]);
    expect(model.context.decisionsDue).toEqual([{ path: "E/decide.md", title: "decide", reviewOn: "2026-11-24" }]);
    expect(model.values).toEqual({ mood: 8, energy: 7, stress: undefined, sleepHours: 8 });
    expect(model.habits).toEqual([
      { name: "Run", targetPerWeek: 3, done: true, streak: 1 },
      { name: "Read", targetPerWeek: 7, done: true, streak: 3 },
    ]);
    expect(model.digest).toBeUndefined();
  });
});

describe("the digest of a week", () => {
  it("shows the mood, energy and sleep trend, the wins, time per problem and habit completion", async () => {
    const { records } = await loadRecords(vault, settings);
    const model = reflectionModel({ path: "W.md", properties: {}, body: "" }, periodRange("weekly", "2026-11-24"), records, settings);
    const digest = model.digest;
    expect(digest).toMatchObject({ days: 7, reflected: 3 });
    // 2026-11-23 (Mon) … 11-29: the 22nd is the week before; "great" is not a mood number.
    expect(digest?.mood).toMatchObject({
      average: 7,
      direction: "up",
      points: [
        { day: "2026-11-23", value: 6 },
        { day: "2026-11-24", value: 8 },
      ],
    });
    expect(digest?.energy.perDay).toBeCloseTo(2);
    expect(digest?.sleep.average).toBe(7.5);
    expect(digest?.wins).toEqual([
      { day: "2026-11-24", text: "Shipped v2", path: "R/2026-11-24.md" },
      { day: "2026-11-24", text: "Ran 5k", path: "R/2026-11-24.md" },
    ]);
    expect(digest?.timePerProblem).toEqual([{ path: "P/Flaky CI.md", title: "Flaky CI", minutes: 135, sessions: 2 }]);
    expect(digest?.habits).toEqual([
      { name: "Run", targetPerWeek: 3, done: 1, target: 3, completion: 1 / 3, streak: 0, bestStreak: 1 },
      // A lone "Read" (hand-written, not a list) still counts; the streak runs back into the week before.
      { name: "Read", targetPerWeek: 7, done: 3, target: 7, completion: 3 / 7, streak: 0, bestStreak: 3 },
    ]);
  });

  it("a streak survives a day not ticked yet, and breaks on a missed day", () => {
    const done = new Set(["2026-11-22", "2026-11-23"]);
    expect(currentStreak(done, "2026-11-24")).toBe(2);
    expect(currentStreak(done, "2026-11-25")).toBe(0);
    expect(currentStreak(new Set(["2026-02-28", "2026-03-01"]), "2026-03-01")).toBe(2);
  });
});
