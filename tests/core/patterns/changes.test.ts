import { addDays, format } from "date-fns";
import { describe, expect, it } from "vitest";
import { detectPatterns } from "../../../src/core/patterns/engine";
import type { DayPoint, EntryPoint, PatternData, ProblemPoint } from "../../../src/core/patterns/pattern-data";
import { seededRandom } from "../../support/seeded-random";

const START = new Date(2026, 0, 5);
const NOW = addDays(START, 120);

function data(parts: Partial<PatternData>): PatternData {
  return { now: NOW, sessions: [], days: [], entries: [], problems: [], skills: new Map(), reviews: new Map(), habitTargets: [], notes: [], ...parts };
}

function days(mood: (i: number, random: () => number) => number, habits: (i: number) => string[] = () => []): DayPoint[] {
  const random = seededRandom(3);
  return Array.from({ length: 120 }, (_, i) => {
    const date = format(addDays(START, i), "yyyy-MM-dd");
    return { path: `Reflections/${date}.md`, date, mood: mood(i, random), habits: habits(i) };
  });
}

const solved = (i: number, category: string, hours: number): ProblemPoint => ({
  path: `Problems/P${i}.md`,
  title: `P${i}`,
  status: "solved",
  category,
  isGoal: false,
  timeSpent: Math.round(hours * 60),
  openBlockers: 0,
  milestones: { done: 0, total: 0 },
  milestoneTasks: [],
  overdueMilestones: [],
  stale: false,
  skills: [],
});

describe("what the engine reads besides moods, sessions and skills", () => {
  it("says what changed in the last 30 days, with those days as evidence, and nothing when nothing changed", async () => {
    const shifted = days((i, random) => Math.round((i >= 91 ? 3.5 : 6.5) + random() * 2));
    const report = await detectPatterns(data({ days: shifted }));
    const mood = report.proposals.find((p) => p.key === "changes/last-30-days/mood");
    expect(mood?.name).toBe("Your mood has been lower in the last 30 days");
    expect(mood!.confidence).toBeGreaterThanOrEqual(0.8);
    expect(mood!.evidence).toEqual(shifted.slice(91).map((d) => d.path));
    const steady = await detectPatterns(data({ days: days((_, random) => Math.round(5 + random() * 3)) }));
    expect(steady.proposals.filter((p) => p.key.startsWith("changes/")).every((p) => p.confidence < 0.5)).toBe(true);
  });

  it("compares time to solution by problem category", async () => {
    const random = seededRandom(8);
    const problems = Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? solved(i, "Admin", 1 + random()) : solved(i, "Research", 6 + random() * 2)));
    const report = await detectPatterns(data({ problems }));
    const admin = report.proposals.find((p) => p.key === "problem-solving/category-time/admin");
    expect(admin?.name).toBe("Admin problems take you less time to solve");
    expect(admin!.evidence).toEqual(
      problems
        .filter((_, i) => i % 2 === 0)
        .map((p) => p.path)
        .sort(),
    );
    expect(admin!.why).toMatch(/hours to solution of the 12 solved Admin problems against the 12 others/);
  });

  it("reads reviewed decisions: how many the person would make again, and the regretted ones as evidence", async () => {
    const entries: EntryPoint[] = Array.from({ length: 6 }, (_, i) => ({
      path: `Entries/d${i}.md`,
      type: "decision",
      text: "",
      skills: [],
      satisfaction: i < 2 ? 8 : 3,
      wouldDecideSame: i < 2,
    }));
    const report = await detectPatterns(data({ entries }));
    const decisions = report.proposals.find((p) => p.key === "thinking/decisions/would-decide-same");
    expect(decisions?.name).toBe("You would make 2 of your 6 reviewed decisions again");
    expect(decisions!.description).toContain("averaged 4.7 of 10");
    expect(decisions!.evidence).toEqual(["Entries/d0.md", "Entries/d1.md"]);
  });

  it("names skills reviewed but never used, and used but never reviewed", async () => {
    const skills = new Map([
      ["Skills/Reviewed.md", "Reviewed"],
      ["Skills/Used.md", "Used"],
    ]);
    const reviews = new Map([
      ["Skills/Reviewed.md", ["2026-02-01", "2026-02-08"]],
      ["Skills/Used.md", []],
    ]);
    // Nobody who never reviews is told a skill is "never reviewed".
    const noReviews = await detectPatterns(
      data({
        skills,
        reviews: new Map(),
        entries: Array.from({ length: 3 }, (_, i) => ({ path: `Entries/a${i}.md`, type: "attempt", text: "", skills: ["Skills/Used.md"] })),
      }),
    );
    expect(noReviews.proposals.map((p) => p.key)).not.toContain("problem-solving/skills/used-never-reviewed");
    const entries: EntryPoint[] = Array.from({ length: 3 }, (_, i) => ({ path: `Entries/a${i}.md`, type: "attempt", text: "", skills: ["Skills/Used.md"] }));
    const report = await detectPatterns(data({ skills, reviews, entries }));
    expect(report.proposals.find((p) => p.key === "problem-solving/skills/reviewed-never-used")?.evidence).toEqual(["Skills/Reviewed.md"]);
    expect(report.proposals.find((p) => p.key === "problem-solving/skills/used-never-reviewed")?.evidence).toEqual(["Skills/Used.md"]);
  });

  it("compares habits with their weekly target", async () => {
    // Exercise on Mondays only (target 3 a week: missed every week); Read every day (target 5: always reached).
    const ticks = (i: number): string[] => [...(addDays(START, i).getDay() === 1 ? ["Exercise"] : []), "Read"];
    const report = await detectPatterns(
      data({
        days: days(() => 5, ticks),
        habitTargets: [
          { name: "Exercise", targetPerWeek: 3 },
          { name: "Read", targetPerWeek: 5 },
        ],
      }),
    );
    const exercise = report.proposals.find((p) => p.key === "behavioral/habit-target/exercise");
    expect(exercise?.name).toBe("You reach your Exercise target in 0 of 12 weeks");
    expect(exercise!.positive).toBe(false);
    expect(report.proposals.find((p) => p.key === "behavioral/habit-target/read")?.name).toBe("You reach your Read target every week");
  });
});
