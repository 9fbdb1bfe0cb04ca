import { describe, expect, it } from "vitest";
import { skillEffectiveness } from "../../../src/core/skills/effectiveness";
import { skillCard } from "../../../src/core/skills/skill-card";
import { buildBacklinks } from "../../../src/core/skills/skill-examples";
import { LinkResolver } from "../../../src/core/vault/link-resolver";
import { record, skill } from "../review/records";

describe("skill card", () => {
  const divide = skill(
    "Divide and conquer",
    { uses_total: 5, uses_success: 3, uses_failed: 1, hours_to_solution: 4.5, review_due: "2026-03-10" },
    "## What it is\n\nSplit it.\n\n## When to use\n\nWhen a problem is too big to hold in your head.\n\n## How to apply\n\nHalve it.\n",
  );
  const records = [
    divide,
    skill("Rubber duck"),
    record("Entries/old.md", { kind: "entry", type: "attempt", timestamp: "2026-01-01T10:00:00+01:00", meta_skills: ["[[Divide and conquer]]"] }),
    record("Entries/new.md", { kind: "entry", type: "solution", timestamp: "2026-03-01T10:00:00+01:00" }, "Used [[Skills/Divide and conquer|divide]] again."),
    record("Entries/embed.md", { kind: "entry", type: "insight", timestamp: "2026-03-05T10:00:00Z" }, "![[Divide and conquer]]"), // an embed is not a use
    record("Entries/code.md", { kind: "entry", type: "insight", timestamp: "2026-03-06T10:00:00Z" }, "`[[Divide and conquer]]`"), // code is not a link
    record("Problems/Ship v2.md", { kind: "problem", status: "solved", last_worked: "2026-02-15", meta_skills: ["[[divide and conquer]]"] }),
    record("Entries/duck.md", { kind: "entry", type: "attempt", timestamp: "2026-03-09T10:00:00Z", meta_skills: ["[[Rubber duck]]"] }),
    record("Reflections/r.md", { kind: "reflection", meta_skills_discovered: ["[[Divide and conquer]]"] }), // only entries and problems
  ];
  const backlinks = buildBacklinks(records, new LinkResolver(records.map((r) => r.path)));

  it("shows When to use, effectiveness and the most recent linking entries and problems", () => {
    const card = skillCard(divide, backlinks);
    expect(card.whenToUse).toBe("When a problem is too big to hold in your head.");
    expect(card.effectiveness).toEqual({ uses: 5, successes: 3, failures: 1, successRate: 0.6, avgHoursToSolution: 4.5 });
    expect(card.examples.map((example) => [example.path, example.kind, example.type])).toEqual([
      ["Entries/new.md", "entry", "solution"],
      ["Problems/Ship v2.md", "problem", null],
      ["Entries/old.md", "entry", "attempt"],
    ]);
    expect(skillCard(divide, backlinks, 1).examples).toHaveLength(1);
  });

  it("tolerates a skill with no sections and no counts", () => {
    const card = skillCard(records[1]!, backlinks);
    expect(card.whenToUse).toBe("");
    expect(card.effectiveness).toEqual({ uses: 0, successes: 0, failures: 0, successRate: null, avgHoursToSolution: null });
    expect(card.examples.map((example) => example.path)).toEqual(["Entries/duck.md"]);
  });

  it("reads hand-edited counts safely", () => {
    expect(skillEffectiveness({ uses_total: 1, uses_success: 4, uses_failed: "two", hours_to_solution: -3 })).toEqual({
      uses: 4,
      successes: 4,
      failures: 0,
      successRate: 1,
      avgHoursToSolution: null,
    });
  });
});
