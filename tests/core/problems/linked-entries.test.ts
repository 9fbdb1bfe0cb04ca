import { describe, expect, it } from "vitest";
import { parseNote } from "../../../src/core/codec/frontmatter";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { findProblem } from "../../../src/core/problems/find-problem";
import { linkedEntries, openBlockerCount } from "../../../src/core/problems/linked-entries";
import { resolveBlocker } from "../../../src/core/problems/resolve-blocker";
import { loadRecords } from "../../../src/core/vault/records";
import { MemoryNoteRepository } from "../../support/memory-note-repository";
import { SHIP_ID, problemVault } from "../../support/problem-vault";

async function shipTimeline(repo: MemoryNoteRepository) {
  const vault = await loadRecords(repo, DEFAULT_SETTINGS, ["problem", "entry"]);
  return linkedEntries(vault, findProblem(vault, "Ship v2"));
}

describe("linked entries", () => {
  it("lists the attempts, blockers and solutions that link the problem: open blockers first, then oldest first", async () => {
    const timeline = await shipTimeline(new MemoryNoteRepository(problemVault()));
    expect(timeline.map((entry) => [entry.path, entry.type, entry.open])).toEqual([
      ["Entries/blocker old.md", "blocker", true],
      ["Entries/blocker new.md", "blocker", true],
      ["Entries/by id.md", "attempt", false],
      ["Entries/blocker resolved.md", "blocker", false],
      ["Entries/attempt.md", "attempt", false],
      ["Entries/solution.md", "solution", false],
    ]);
    expect(openBlockerCount(timeline)).toBe(2);
    expect(timeline.find((entry) => entry.type === "attempt" && entry.outcome)).toMatchObject({
      outcome: "failed",
      metaSkills: ["[[Rubber duck]]", "[[No such skill]]"],
    });
  });

  it("finds a problem by name, link, path or id, and refuses what is not one", async () => {
    const vault = await loadRecords(new MemoryNoteRepository(problemVault()), DEFAULT_SETTINGS, ["problem", "entry"]);
    for (const name of ["Ship v2", "[[Ship v2]]", "ship v2", "Problems/Ship v2.md", SHIP_ID]) expect(findProblem(vault, name).path).toBe("Problems/Ship v2.md");
    expect(() => findProblem(vault, "Entries/insight")).toThrow(/is not a problem note \(its kind is "entry"\)/);
    expect(() => findProblem(vault, "Nope")).toThrow(/No problem note named "Nope"/);
    expect(() => findProblem(vault, "  ")).toThrow(/Name the problem/);
  });

  it("prefers the one problem of a name over another note that shares it", async () => {
    const files = { "A/Ship v2.md": "plain note\n", ...problemVault() };
    const vault = await loadRecords(new MemoryNoteRepository(files), DEFAULT_SETTINGS, ["problem", "entry"]);
    expect(vault.resolver.resolve("Ship v2", "")).toBe("A/Ship v2.md");
    expect(findProblem(vault, "Ship v2").path).toBe("Problems/Ship v2.md");
  });

  it("resolves a blocker: it leaves the open ones and keeps how it was resolved", async () => {
    const repo = new MemoryNoteRepository(problemVault());
    const now = new Date("2026-11-24T12:00:00Z");
    await resolveBlocker(repo, "Entries/blocker old.md", "  paired with Sam ", now);
    const parsed = parseNote(await repo.read("Entries/blocker old.md"));
    expect(parsed.ok && parsed.properties).toMatchObject({ how_resolved: "paired with Sam", resolved: "2026-11-24T12:00:00Z" });
    const timeline = await shipTimeline(repo);
    expect(timeline[0]?.path).toBe("Entries/blocker new.md");
    expect(openBlockerCount(timeline)).toBe(1);
  });

  it.each([
    ["Entries/blocker resolved.md", "again", /already resolved on 2026-11-19T12:00:00Z/],
    ["Entries/attempt.md", "x", /is not a blocker entry/],
    ["Entries/blocker new.md", " ", /Say how the blocker was resolved/],
  ])("refuses to resolve %s and writes nothing", async (path, how, message) => {
    const repo = new MemoryNoteRepository(problemVault());
    const before = await repo.read(path);
    await expect(resolveBlocker(repo, path, how)).rejects.toThrow(message);
    expect(await repo.read(path)).toBe(before);
  });
});
