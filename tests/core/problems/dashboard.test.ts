import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { problemsDashboard } from "../../../src/core/problems/dashboard";
import { milestoneProgress } from "../../../src/core/problems/milestones";
import { loadRecords } from "../../../src/core/vault/records";
import { MemoryNoteRepository } from "../../support/memory-note-repository";
import { problemVault } from "../../support/problem-vault";

describe("problems dashboard", () => {
  it("summarizes each problem: status, priority, time vs estimate, last worked, open blockers, milestones, staleness", async () => {
    const vault = await loadRecords(new MemoryNoteRepository(problemVault()), DEFAULT_SETTINGS, ["problem", "entry"]);
    const dashboard = problemsDashboard(vault, new Date("2026-11-24T12:00:00Z"), 14);
    expect(dashboard.counts).toEqual({ active: 2, blocked: 0, solved: 1, abandoned: 0 });
    expect(dashboard.problems.map((problem) => problem.title)).toEqual(["Ship v2", "Someday", "Old problem"]);
    const [ship, someday, old] = dashboard.problems;
    expect(ship).toMatchObject({
      status: "active",
      priority: "high",
      timeSpent: 90,
      estimate: 60,
      estimateUsed: 1.5,
      openBlockers: 2,
      milestones: { done: 1, total: 3 },
      daysSinceWorked: 4,
      stale: false,
    });
    expect(someday).toMatchObject({ priority: "low", openBlockers: 0, daysSinceWorked: 54, stale: true });
    // A solved problem is never stale, however long ago it was worked on.
    expect(old).toMatchObject({ status: "solved", stale: false });
  });

  it("marks goals, and reads hand-edited values of the wrong type as not set", async () => {
    const repo = new MemoryNoteRepository({
      "Goal.md": "---\nkind: problem\ncategory: Goal\ntime_spent: lots\nestimate: 0\npriority: 3\n---\n",
    });
    const [goal] = problemsDashboard(await loadRecords(repo, DEFAULT_SETTINGS, ["problem"]), new Date("2026-11-24T12:00:00Z")).problems;
    expect(goal).toMatchObject({
      isGoal: true,
      status: "active",
      timeSpent: undefined,
      estimate: 0,
      estimateUsed: undefined,
      priority: undefined,
      daysSinceWorked: undefined,
      stale: false,
    });
  });

  it("counts milestone progress from tasks under ## Milestones only", () => {
    expect(milestoneProgress("## Milestones\n- [x] a\n- [ ] b\n  - [x] c\n- plain\n\n## Other\n- [x] d\n")).toMatchObject({ done: 2, total: 3 });
    expect(milestoneProgress("No milestones.\n")).toMatchObject({ done: 0, total: 0, ratio: 0 });
  });
});
