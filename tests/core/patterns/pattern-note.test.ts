import { describe, expect, it } from "vitest";
import { parseNote } from "../../../src/core/codec/frontmatter";
import { recordPatternDecision } from "../../../src/core/patterns/pattern-note";
import type { PatternProposal } from "../../../src/core/patterns/pattern-types";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { MemoryNoteRepository } from "../../support/memory-note-repository";

const proposal: PatternProposal = {
  key: "temporal/focus/hour/morning",
  name: "Focus is higher in morning sessions",
  description: "Your focus averaged 8 in morning sessions against 5 in the others.",
  pattern_type: "temporal",
  confidence: 0.86,
  why: "Compared your focus in morning sessions (40 sessions) against the other 80 sessions (40 observations in the smaller group): a difference of 1.2 standard deviations (90% interval 0.9 to 1.5).",
  positive: true,
  evidence: ["LifeBetter/Problems/Ship v2.md", "Work/Ship v2.md"],
  suggestion: "Plan your hardest work in the morning.",
  chart: { kind: "bar", title: "Focus", labels: [], series: [], yLabel: "" },
  occurrences: 2,
};
const NOW = new Date("2026-11-25T01:00:00Z");

function properties(repo: MemoryNoteRepository, path: string): Record<string, unknown> {
  const parsed = parseNote(repo.files.get(path)!);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.properties;
}

describe("recording a decision on a pattern", () => {
  it("confirm writes a Pattern note with the schema's properties and evidence links by path", async () => {
    const repo = new MemoryNoteRepository();
    const path = await recordPatternDecision(repo, DEFAULT_SETTINGS, proposal, { status: "confirmed" }, NOW);
    expect(path).toBe("LifeBetter/Patterns/Focus is higher in morning sessions.md");
    expect(properties(repo, path)).toMatchObject({
      kind: "pattern",
      pattern_key: "temporal/focus/hour/morning",
      pattern_type: "temporal",
      status: "confirmed",
      confidence: 0.86,
      positive: true,
      occurrences: 2,
      evidence: ["[[LifeBetter/Problems/Ship v2|Ship v2]]", "[[Work/Ship v2|Ship v2]]"],
      suggestion: "Plan your hardest work in the morning.",
    });
    expect(repo.files.get(path)).toContain("Your focus averaged 8");
    expect(repo.files.get(path)).toContain(`**Why this was proposed:** ${proposal.why}`);
  });

  it("keeps each comparison of a grouped finding, with its record, on a line of the note", async () => {
    const repo = new MemoryNoteRepository();
    const why = [
      "Compared the 10 attempts that used Sleep on it (8 succeeded) against the 10 that used Brute force (2 succeeded) (10 observations in the smaller group): success rates 42 points apart.",
      "Compared the 10 attempts that used Sleep on it (8 succeeded) against the 12 that used Timeboxing (3 succeeded): success rates 36 points apart; confidence 0.61 on its own.",
    ];
    const grouped = {
      ...proposal,
      key: "problem-solving/skill-contrast/sleep on it over others",
      name: "Sleep on it works better for you than Brute force and Timeboxing",
      why: why.join("\n"),
    };
    const path = await recordPatternDecision(repo, DEFAULT_SETTINGS, grouped, { status: "confirmed" }, NOW);
    expect(properties(repo, path)).toMatchObject({ pattern_key: "problem-solving/skill-contrast/sleep on it over others" });
    expect(repo.files.get(path)).toContain(`**Why this was proposed:**\n- ${why[0]}\n- ${why[1]}\n`);
  });

  it("a rating first creates a detected note; dismissing later changes only its properties", async () => {
    const repo = new MemoryNoteRepository();
    const path = await recordPatternDecision(repo, DEFAULT_SETTINGS, proposal, { helpful: 2, feedback: "  Not for me  " }, NOW);
    expect(properties(repo, path)).toMatchObject({ status: "detected", helpful: 2, feedback: "Not for me" });
    const body = repo.files.get(path)!.split("---\n").slice(2).join("---\n");
    await recordPatternDecision(repo, DEFAULT_SETTINGS, { ...proposal, notePath: path }, { status: "dismissed" }, NOW);
    expect(properties(repo, path)).toMatchObject({ status: "dismissed", helpful: 2 });
    expect(repo.files.get(path)!.endsWith(body)).toBe(true);
    expect(repo.files.size).toBe(1);
  });

  it("refuses a rating outside 1–5 and writes nothing", async () => {
    const repo = new MemoryNoteRepository();
    await expect(recordPatternDecision(repo, DEFAULT_SETTINGS, proposal, { helpful: 6 }, NOW)).rejects.toThrow(/1 to 5/);
    expect(repo.files.size).toBe(0);
  });

  it("never overwrites another note of the same name", async () => {
    const repo = new MemoryNoteRepository({ "LifeBetter/Patterns/Focus is higher in morning sessions.md": "Mine.\n" });
    const path = await recordPatternDecision(repo, DEFAULT_SETTINGS, proposal, { status: "dismissed" }, NOW);
    expect(path).toBe("LifeBetter/Patterns/Focus is higher in morning sessions 2.md");
    expect(repo.files.get("LifeBetter/Patterns/Focus is higher in morning sessions.md")).toBe("Mine.\n");
  });
});
