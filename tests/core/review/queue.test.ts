import { describe, expect, it } from "vitest";
import { checkRecordProperties } from "../../../src/core/check/record-rules";
import { buildReviewQueue } from "../../../src/core/review/queue";
import { DEFAULT_SETTINGS, loadSettings, type LifeBetterSettings } from "../../../src/core/settings";
import { decision, skill } from "./records";

const TODAY = "2026-03-10";
const roomy: LifeBetterSettings = { ...DEFAULT_SETTINGS, reviewsPerDay: 100, newSkillsPerDay: 100 };
const names = (settings: LifeBetterSettings, records: Parameters<typeof buildReviewQueue>[0]) =>
  buildReviewQueue(records, settings, TODAY).items.map((item) => item.name);

const reviewed = (due: string, extra: Record<string, unknown> = {}) => ({
  review_due: due,
  review_count: 3,
  ease: 2.5,
  interval_days: 6,
  reviewed_on: ["2026-01-01"],
  ...extra,
});

describe("review queue", () => {
  it("orders by how overdue, reviews before new skills, and leaves out what is not due", () => {
    const queue = buildReviewQueue(
      [
        skill("Due today", reviewed("2026-03-10")),
        skill("New one", { review_due: "2026-03-09", review_count: 0, ease: 2.5, interval_days: 0 }),
        skill("Five late", reviewed("2026-03-05")),
        skill("Tomorrow", reviewed("2026-03-11")),
        skill("One late", reviewed("2026-03-09")),
        skill("Never scheduled"), // imported without review fields: new and due
        decision("Take the job", { review_on: "2026-03-07", expected_outcome: "More time to think" }),
        decision("Move flat", { review_on: "2026-03-07", actual_outcome: "Worked out" }), // answered
        decision("Later", { review_on: "2026-04-01" }),
        decision("No date"),
      ],
      roomy,
      TODAY,
    );
    expect(queue.items.map((item) => [item.kind, item.name, item.overdueDays])).toEqual([
      ["skill", "Five late", 5],
      ["decision", "Take the job", 3],
      ["skill", "One late", 1],
      ["skill", "New one", 1],
      ["skill", "Due today", 0],
      ["skill", "Never scheduled", 0],
    ]);
    expect(queue.items.every((item) => item.warnings.length === 0)).toBe(true);
    expect(queue.items[1]).toMatchObject({ kind: "decision", expectedOutcome: "More time to think", due: "2026-03-07" });
    expect(queue).toMatchObject({ dueSkills: 5, dueDecisions: 1, heldBack: 0, doneToday: 0 });
  });

  it("limits skills to reviews per day, counting reviews already done today", () => {
    const records = [
      skill("A", reviewed("2026-03-01")),
      skill("B", reviewed("2026-03-02")),
      skill("C", reviewed("2026-03-03")),
      skill("D", reviewed("2026-03-04")),
      decision("Decide", { review_on: "2026-03-10" }),
    ];
    const settings = { ...roomy, reviewsPerDay: 2 };
    expect(names(settings, records)).toEqual(["A", "B", "Decide"]); // decisions are not limited
    const doneOne = [...records, skill("Done", reviewed("2026-03-11", { reviewed_on: ["2026-03-04", TODAY] }))];
    const queue = buildReviewQueue(doneOne, settings, TODAY);
    expect(queue.items.map((item) => item.name)).toEqual(["A", "Decide"]);
    expect(queue).toMatchObject({ doneToday: 1, dueSkills: 4, heldBack: 3 });
    expect(names({ ...settings, reviewsPerDay: 1 }, doneOne)).toEqual(["Decide"]);
  });

  it("lets at most newSkillsPerDay new skills in, counting first reviews done today", () => {
    const fresh = (name: string) => skill(name, { review_due: "2026-03-10", review_count: 0, interval_days: 0, ease: 2.5 });
    const records = [fresh("N1"), fresh("N2"), fresh("N3"), skill("Old", reviewed("2026-03-10"))];
    expect(names({ ...roomy, newSkillsPerDay: 2 }, records)).toEqual(["Old", "N1", "N2"]);
    const firstToday = skill("Learned today", { review_due: "2026-03-11", review_count: 1, interval_days: 1, reviewed_on: [TODAY] });
    const queue = buildReviewQueue([...records, firstToday], { ...roomy, newSkillsPerDay: 2 }, TODAY);
    expect(queue.items.map((item) => item.name)).toEqual(["Old", "N1"]);
    expect(queue).toMatchObject({ newDoneToday: 1, doneToday: 1, heldBack: 2 });
    expect(names({ ...roomy, newSkillsPerDay: 0 }, records)).toEqual(["Old"]);
  });

  it("shows a hand-edited bad ease or review_due as due, first, with a warning — and check reports it too", () => {
    const badEase = skill("Bad ease", reviewed("2026-05-01", { ease: "high" })); // not due, but its schedule cannot be trusted
    const lowEase = skill("Low ease", reviewed("2026-05-01", { ease: 0.4 }));
    const badDue = skill("Bad due", reviewed("next week"));
    const weird = skill("Weird", { review_due: 20260310, ease: ["2.5"], interval_days: "six", review_count: "x", reviewed_on: "not a date" });
    const badDecision = decision("Bad decision", { review_on: "someday" });
    const queue = buildReviewQueue(
      [skill("Late", reviewed("2026-03-01")), badEase, lowEase, badDue, weird, badDecision],
      { ...roomy, reviewsPerDay: 5 },
      TODAY,
    );
    expect(queue.items.map((item) => item.name)).toEqual(["Bad decision", "Bad due", "Bad ease", "Low ease", "Weird", "Late"]);
    const byName = new Map(queue.items.map((item) => [item.name, item]));
    expect(byName.get("Bad ease")?.warnings).toEqual([expect.stringMatching(/ease "high" is not a number; treated as 2.5/)]);
    expect(byName.get("Low ease")?.warnings).toEqual([expect.stringMatching(/ease 0.4 is not a number from 1.3 to 5; treated as 1.3/)]);
    expect(byName.get("Bad due")).toMatchObject({ due: null, overdueDays: 0, warnings: [expect.stringMatching(/review_due "next week" is not a date/)] });
    expect(byName.get("Weird")?.warnings).toHaveLength(4); // review_due, ease, interval_days and review_count;
    expect(byName.get("Bad decision")?.warnings).toEqual([expect.stringMatching(/review_on "someday" is not a date/)]);
    const reported = (record: typeof badEase) => checkRecordProperties(record.path, "meta-skill", record.properties, roomy).map((finding) => finding.property);
    expect(reported(badEase)).toContain("ease");
    expect(reported(lowEase)).toContain("ease");
    expect(reported(badDue)).toContain("review_due");
  });

  it("treats a skill with reviews but no review_due as due with a warning", () => {
    const queue = buildReviewQueue([skill("Lost date", { review_count: 4, interval_days: 10, ease: 2.5 })], roomy, TODAY);
    expect(queue.items[0]).toMatchObject({ name: "Lost date", isNew: false, warnings: [expect.stringMatching(/review_due is missing/)] });
  });

  it("uses the default limits of 5 reviews and 2 new skills a day, loaded tolerantly", () => {
    expect(loadSettings({})).toMatchObject({ scheduler: "sm2", reviewsPerDay: 5, newSkillsPerDay: 2 });
    expect(loadSettings({ scheduler: "fsrs", reviewsPerDay: 12, newSkillsPerDay: 0 })).toMatchObject({
      scheduler: "fsrs",
      reviewsPerDay: 12,
      newSkillsPerDay: 0,
    });
    expect(loadSettings({ scheduler: "anki", reviewsPerDay: -1, newSkillsPerDay: "3" })).toMatchObject({
      scheduler: "sm2",
      reviewsPerDay: 5,
      newSkillsPerDay: 2,
    });
    const many = Array.from({ length: 8 }, (_, index) => skill(`S${index}`, reviewed("2026-03-01")));
    expect(buildReviewQueue(many, loadSettings({}), TODAY).items).toHaveLength(5);
  });
});
