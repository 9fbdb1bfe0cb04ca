import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { findProblem } from "../../../src/core/problems/find-problem";
import { problemView } from "../../../src/core/problems/problem-view";
import { loadRecords } from "../../../src/core/vault/records";
import { MemoryNoteRepository } from "../../support/memory-note-repository";
import { problemVault } from "../../support/problem-vault";

describe("problemView", () => {
  it("gathers the timeline, milestones and sessions of one problem", async () => {
    const vault = await loadRecords(new MemoryNoteRepository(problemVault()), DEFAULT_SETTINGS, ["problem", "entry"]);
    const view = problemView(vault, findProblem(vault, "Ship v2"));
    expect(view.timeline.map((entry) => entry.type)).toEqual(["blocker", "blocker", "attempt", "blocker", "attempt", "solution"]);
    expect(view.milestones).toMatchObject({ done: 1, total: 3 });
    expect(view.sessions.map((row) => row.minutes)).toEqual([90]);
    expect(view.sessionProblems).toEqual([]);
  });

  it("shows unreadable session rows instead of dropping them silently", async () => {
    const files = problemVault();
    files["Problems/Ship v2.md"] = (files["Problems/Ship v2.md"] ?? "").replace("| 90 | 7 |", "| ninety | 7 |");
    const vault = await loadRecords(new MemoryNoteRepository(files), DEFAULT_SETTINGS, ["problem", "entry"]);
    const view = problemView(vault, findProblem(vault, "Ship v2"));
    expect(view.sessions).toEqual([]);
    expect(view.sessionProblems).toEqual([{ row: 1, message: 'minutes "ninety" is not a whole number' }]);
  });
});
