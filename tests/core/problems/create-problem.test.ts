import { describe, expect, it } from "vitest";
import { parseNote } from "../../../src/core/codec/frontmatter";
import { isRecordId } from "../../../src/core/ids";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { createProblem } from "../../../src/core/problems/create-problem";
import { milestoneProgress } from "../../../src/core/problems/milestones";
import { parseSessions } from "../../../src/core/problems/sessions-table";
import { MemoryNoteRepository } from "../../support/memory-note-repository";

const NOW = new Date(2026, 10, 24, 9, 30);

describe("createProblem", () => {
  it("writes a problem note with the schema's properties, the description and empty Milestones and Sessions", async () => {
    const repo = new MemoryNoteRepository();
    const created = await createProblem(
      repo,
      { title: "Run a marathon: sub 4h?", description: "Train through winter.", priority: "High", target: "2027-04-01", estimate: 6000, category: "goal" },
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(created.path).toBe("LifeBetter/Problems/Run a marathon sub 4h.md");
    expect(isRecordId(created.id)).toBe(true);
    const parsed = parseNote(await repo.read(created.path));
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.properties).toEqual({
      id: created.id,
      kind: "problem",
      created: expect.stringMatching(/^2026-11-24T09:30:00/) as string,
      updated: expect.stringMatching(/^2026-11-24T09:30:00/) as string,
      status: "active",
      started: "2026-11-24",
      priority: "high",
      target: "2027-04-01",
      estimate: 6000,
      category: "goal",
    });
    expect(parsed.parts.body.startsWith("Train through winter.\n\n## Milestones\n\n## Sessions\n")).toBe(true);
    expect(parseSessions(parsed.parts.body)).toMatchObject({ found: true, rows: [], problems: [] });
    expect(milestoneProgress(parsed.parts.body).total).toBe(0);
  });

  it("never overwrites: a title another note has anywhere is refused, as skill new does", async () => {
    const repo = new MemoryNoteRepository({ "LifeBetter/Problems/Ship v2.md": "mine", "Elsewhere/Pipe prob.md": "other" });
    await expect(createProblem(repo, { title: "Ship v2" }, DEFAULT_SETTINGS, NOW)).rejects.toThrow(
      /A note named "Ship v2" already exists \(LifeBetter\/Problems\/Ship v2.md\); choose another title/,
    );
    await expect(createProblem(repo, { title: "pipe PROB" }, DEFAULT_SETTINGS, NOW)).rejects.toThrow(/already exists \(Elsewhere\/Pipe prob.md\)/);
    await expect(createProblem(repo, { title: "CON" }, DEFAULT_SETTINGS, NOW)).rejects.toThrow(/Windows reserves/);
    expect(await repo.read("LifeBetter/Problems/Ship v2.md")).toBe("mine");
    expect(repo.files.size).toBe(2);
  });

  it.each([
    [{ title: "  " }, /has no title/],
    [{ title: "x", priority: "asap" }, /Unknown priority "asap". Choose one of: low, medium, high, urgent/],
    [{ title: "x", target: "next week" }, /target "next week" is not a date/],
    [{ title: "x", estimate: -5 }, /estimate must be a number of minutes of at least 0/],
  ])("refuses %j and writes nothing", async (input, message) => {
    const repo = new MemoryNoteRepository();
    await expect(createProblem(repo, input, DEFAULT_SETTINGS, NOW)).rejects.toThrow(message);
    expect(repo.files.size).toBe(0);
  });
});
