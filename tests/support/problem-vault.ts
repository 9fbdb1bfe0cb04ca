import { composeNote } from "../../src/core/codec/frontmatter";

export const SHIP_ID = "11111111-1111-4111-8111-111111111111";
export const OLD_ID = "22222222-2222-4222-8222-222222222222";
export const SKILL_ID = "33333333-3333-4333-8333-333333333333";

const note = (properties: Record<string, unknown>, body = "Text.\n"): string => composeNote(properties, body);
const entry = (type: string, timestamp: string, extra: Record<string, unknown> = {}) =>
  note({ id: crypto.randomUUID(), kind: "entry", type, timestamp, ...extra }, `${type} at ${timestamp}\n`);

/**
 * A small vault around one active problem, "Ship v2": attempts, blockers (two open, one resolved), a
 * solution, an entry that links it only by id, and entries that must not count; plus a solved problem
 * that used the same skill, and two meta-skills.
 */
export function problemVault(): Record<string, string> {
  return {
    "Problems/Ship v2.md": note(
      {
        id: SHIP_ID,
        kind: "problem",
        status: "active",
        priority: "high",
        estimate: 60,
        time_spent: 90,
        meta_skills: ["[[Divide and conquer]]"],
        what_learned: ["Earlier lesson"],
        last_worked: "2026-11-20T10:30:00Z",
      },
      "The release is late.\n\n## Milestones\n- [x] Reproduce\n- [ ] Fix\n- [ ] Ship\n\n## Sessions\n| start | end | minutes | focus | energy | activity | distractions | outcome |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n| 2026-11-20T09:00:00Z | 2026-11-20T10:30:00Z | 90 | 7 | 6 | debugging | | |\n",
    ),
    "Problems/Old problem.md": note({
      id: OLD_ID,
      kind: "problem",
      status: "solved",
      time_spent: 240,
      meta_skills: ["[[Divide and conquer]]"],
      last_worked: "2026-10-01",
    }),
    "Problems/Someday.md": note({ id: crypto.randomUUID(), kind: "problem", status: "active", priority: "low", started: "2026-10-01" }),
    "Meta-skills/Divide and conquer.md": note({ id: SKILL_ID, kind: "meta-skill", uses_total: 2, uses_success: 1, uses_failed: 1, hours_to_solution: 99 }),
    "Meta-skills/Rubber duck.md": note({ id: crypto.randomUUID(), kind: "meta-skill" }),
    "Entries/attempt.md": entry("attempt", "2026-11-20T10:00:00Z", {
      problem: "[[Ship v2]]",
      outcome: "failed",
      meta_skills: ["[[Rubber duck]]", "[[No such skill]]"],
    }),
    "Entries/blocker new.md": entry("blocker", "2026-11-22T09:00:00Z", { problem: "[[Ship v2]]" }),
    "Entries/blocker old.md": entry("blocker", "2026-11-21T09:00:00Z", { problem: "[[Problems/Ship v2]]" }),
    "Entries/blocker resolved.md": entry("blocker", "2026-11-19T09:00:00Z", {
      problem: "[[Ship v2]]",
      resolved: "2026-11-19T12:00:00Z",
      how_resolved: "asked",
    }),
    "Entries/solution.md": entry("solution", "2026-11-23T09:00:00Z", { problem: "[[Ship v2|the release]]" }),
    "Entries/by id.md": entry("attempt", "2026-11-18T09:00:00Z", { problem: `[[${SHIP_ID}]]` }),
    "Entries/insight.md": entry("insight", "2026-11-18T09:00:00Z", { problem: "[[Ship v2]]" }),
    "Entries/other problem.md": entry("attempt", "2026-11-18T09:00:00Z", { problem: "[[Old problem]]", meta_skills: ["[[Rubber duck]]"] }),
    "Entries/broken link.md": entry("attempt", "2026-11-18T09:00:00Z", { problem: "[[Gone]]" }),
  };
}
