import { describe, expect, it } from "vitest";
import { reviewSummary } from "../../../src/core/review/summary";
import { decision, skill } from "./records";

const TODAY = "2026-03-10";

describe("review summary", () => {
  it("counts reviews done today, the streak and what comes due in the next 7 days", () => {
    const summary = reviewSummary(
      [
        // Reviewed on the 8th, 9th and today: a single last-reviewed date would have lost the 8th and 9th.
        skill("A", { reviewed_on: ["2026-03-08", "2026-03-09", TODAY], review_due: "2026-03-11" }),
        skill("B", { reviewed_on: ["2026-03-07", TODAY], review_due: "2026-03-16" }),
        skill("C", { reviewed_on: ["2026-03-05"], review_due: "2026-03-17" }), // day 7: counted
        skill("D", { review_due: "2026-03-18" }), // day 8: not counted
        skill("E", { review_due: "2026-03-10" }), // due today: not "next 7 days"
        decision("Open", { review_on: "2026-03-11" }),
        decision("Answered", { review_on: "2026-03-12", actual_outcome: "fine", reviewed_on: ["2026-03-06"] }),
      ],
      TODAY,
    );
    expect(summary.doneToday).toBe(2);
    expect(summary.streakDays).toBe(6); // review days 5, 6, 7, 8, 9 and 10 March
    expect(summary.dueNext7Days).toEqual([
      { day: "2026-03-11", count: 2 },
      { day: "2026-03-12", count: 0 },
      { day: "2026-03-13", count: 0 },
      { day: "2026-03-14", count: 0 },
      { day: "2026-03-15", count: 0 },
      { day: "2026-03-16", count: 1 },
      { day: "2026-03-17", count: 1 },
    ]);
  });

  it("keeps yesterday's streak alive until today ends, and breaks it on a gap", () => {
    const streak = (days: string[]) => reviewSummary([skill("A", { reviewed_on: days })], TODAY).streakDays;
    expect(streak(["2026-03-08", "2026-03-09"])).toBe(2); // nothing yet today
    expect(streak(["2026-03-07", "2026-03-09", TODAY])).toBe(2); // the 8th is missing
    expect(streak(["2026-03-01"])).toBe(0);
    expect(streak([])).toBe(0);
  });

  it("ignores hand-edited junk in reviewed_on", () => {
    const summary = reviewSummary([skill("A", { reviewed_on: [TODAY, "yesterday", 5, null] }), skill("B", { reviewed_on: TODAY })], TODAY);
    expect(summary).toMatchObject({ doneToday: 2, streakDays: 1 });
  });
});
