import { describe, expect, it } from "vitest";
import { parseNote } from "../../../src/core/codec/frontmatter";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { closeProblem } from "../../../src/core/problems/close-problem";
import { MemoryNoteRepository } from "../../support/memory-note-repository";
import { problemVault } from "../../support/problem-vault";

const NOW = new Date("2026-11-24T12:00:00Z");

async function props(repo: MemoryNoteRepository, path: string): Promise<Record<string, unknown>> {
  const parsed = parseNote(await repo.read(path));
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.properties;
}

describe("closeProblem", () => {
  it("solves: writes status, completed and the lists, and records the outcome on every skill used", async () => {
    const repo = new MemoryNoteRepository(problemVault());
    const closed = await closeProblem(
      repo,
      DEFAULT_SETTINGS,
      "Ship v2",
      { status: "solved", learned: ["Cache keys", " ", "Earlier lesson"], worked: ["Bisecting"], didntWork: ["Guessing"] },
      NOW,
    );
    expect(closed.missingSkills).toEqual(["No such skill"]);
    expect(closed.failed).toEqual([]);
    expect(await props(repo, "Problems/Ship v2.md")).toMatchObject({
      status: "solved",
      completed: "2026-11-24T12:00:00Z",
      what_learned: ["Earlier lesson", "Cache keys"],
      what_worked: ["Bisecting"],
      what_didnt_work: ["Guessing"],
    });
    // Divide and conquer: used by this problem (1.5 h) and by the solved Old problem (4 h).
    expect(await props(repo, "Meta-skills/Divide and conquer.md")).toMatchObject({
      uses_total: 3,
      uses_success: 2,
      uses_failed: 1,
      last_used: "2026-11-24",
      hours_to_solution: 2.75,
    });
    // Rubber duck: used by an attempt of this problem and by an attempt of the Old problem.
    expect(await props(repo, "Meta-skills/Rubber duck.md")).toMatchObject({
      uses_total: 1,
      uses_success: 1,
      uses_failed: 0,
      last_used: "2026-11-24",
      hours_to_solution: 2.75,
    });
    expect(closed.skills.map((skill) => skill.path).sort()).toEqual(["Meta-skills/Divide and conquer.md", "Meta-skills/Rubber duck.md"]);
  });

  it("abandons: counts a failed use, and hours to solution come only from solved problems", async () => {
    const repo = new MemoryNoteRepository(problemVault());
    await closeProblem(repo, DEFAULT_SETTINGS, "[[Ship v2]]", { status: "abandoned" }, NOW);
    expect(await props(repo, "Problems/Ship v2.md")).toMatchObject({ status: "abandoned", what_learned: ["Earlier lesson"] });
    expect(await props(repo, "Problems/Ship v2.md")).not.toHaveProperty("what_worked");
    expect(await props(repo, "Meta-skills/Divide and conquer.md")).toMatchObject({ uses_total: 3, uses_success: 1, uses_failed: 2, hours_to_solution: 4 });
    expect(await props(repo, "Meta-skills/Rubber duck.md")).toMatchObject({ uses_total: 1, uses_success: 0, uses_failed: 1, hours_to_solution: 4 });
  });

  it("refuses a problem that is already closed, so an outcome is never counted twice", async () => {
    const repo = new MemoryNoteRepository(problemVault());
    await closeProblem(repo, DEFAULT_SETTINGS, "Ship v2", { status: "solved" }, NOW);
    const before = new Map(repo.files);
    await expect(closeProblem(repo, DEFAULT_SETTINGS, "Ship v2", { status: "abandoned" }, NOW)).rejects.toThrow(/is already solved/);
    expect(repo.files).toEqual(before);
  });

  it("of two solves started at once, the second is refused and the skills count the outcome once", async () => {
    const repo = new MemoryNoteRepository(problemVault());
    // Both read the vault (problem still active) before either writes, as two CLI processes would.
    const results = await Promise.allSettled([
      closeProblem(repo, DEFAULT_SETTINGS, "Ship v2", { status: "solved" }, NOW),
      closeProblem(repo, DEFAULT_SETTINGS, "Ship v2", { status: "abandoned" }, NOW),
    ]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected"]);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/is already solved/);
    expect(await props(repo, "Problems/Ship v2.md")).toMatchObject({ status: "solved" });
    expect(await props(repo, "Meta-skills/Divide and conquer.md")).toMatchObject({ uses_total: 3, uses_success: 2, uses_failed: 1 });
  });

  it("leaves a skill note whose frontmatter cannot be parsed alone and names its link as missing", async () => {
    const files = problemVault();
    files["Meta-skills/Rubber duck.md"] = "---\nkind: meta-skill\nbad: [\n---\n";
    const repo = new MemoryNoteRepository(files);
    const closed = await closeProblem(repo, DEFAULT_SETTINGS, "Ship v2", { status: "solved" }, NOW);
    // An unparseable note is not a record, so the link to it leads to no meta-skill.
    expect(closed.missingSkills).toContain("Rubber duck");
    expect(await repo.read("Meta-skills/Rubber duck.md")).toBe("---\nkind: meta-skill\nbad: [\n---\n");
    expect((await props(repo, "Problems/Ship v2.md")).status).toBe("solved");
  });

  it("closes the problem even when a skill note cannot be written, and says which", async () => {
    class FailingRepo extends MemoryNoteRepository {
      override updateProperties(path: string, mutate: (properties: Record<string, unknown>) => void): Promise<boolean> {
        return path.includes("Rubber duck") ? Promise.reject(new Error("disk full")) : super.updateProperties(path, mutate);
      }
    }
    const repo = new FailingRepo(problemVault());
    const closed = await closeProblem(repo, DEFAULT_SETTINGS, "Ship v2", { status: "solved" }, NOW);
    expect(closed.failed).toEqual([{ path: "Meta-skills/Rubber duck.md", message: "disk full" }]);
    expect(closed.skills.map((skill) => skill.path)).toEqual(["Meta-skills/Divide and conquer.md"]);
    expect((await props(repo, "Problems/Ship v2.md")).status).toBe("solved");
  });
});
