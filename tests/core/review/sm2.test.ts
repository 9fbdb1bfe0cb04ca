import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ReviewGrade } from "../../../src/core/review/grades";
import { parseGrade } from "../../../src/core/review/grades";
import { scheduleGrade, writeOutcome } from "../../../src/core/review/schedule";
import { MAX_INTERVAL_DAYS, sm2Step } from "../../../src/core/review/sm2";

/**
 * The SM-2 rules these tables were worked out from, by hand:
 *   quality q: again 2, hard 3, good 4, easy 5
 *   q < 3  → lapse: interval 1
 *   q ≥ 3  → interval 0 → 1; interval 1–5 → 6; interval ≥ 6 → round(interval × ease before the change)
 *   ease' = ease + 0.1 − (5 − q)(0.08 + (5 − q)·0.02), at least 1.3:
 *           again −0.32, hard −0.14, good ±0, easy +0.10
 *   review_due = the review day + interval (calendar days; 2026 is not a leap year)
 */
interface Row {
  on: string;
  grade: ReviewGrade;
  due: string;
  interval: number;
  ease: number;
}

function replay(start: Record<string, unknown>, rows: Row[]): void {
  let properties: Record<string, unknown> = { kind: "meta-skill", ...start };
  rows.forEach((row, index) => {
    const outcome = scheduleGrade(properties, row.grade, row.on, "sm2");
    const next = structuredClone(properties);
    writeOutcome(next, outcome, row.on, "2026-01-01T09:00:00+00:00");
    expect({ step: index + 1, due: next.review_due, interval: next.interval_days, ease: next.ease, count: next.review_count }).toEqual({
      step: index + 1,
      due: row.due,
      interval: row.interval,
      ease: row.ease,
      count: Number(start.review_count ?? 0) + index + 1,
    });
    properties = next;
  });
}

describe("SM-2 schedule (tables worked out by hand)", () => {
  it("a new skill: 1, 6, 15 days, Easy grows ease, Hard lowers it, a lapse restarts at 1 then 6", () => {
    replay({ ease: 2.5, interval_days: 0, review_count: 0 }, [
      { on: "2026-01-01", grade: "good", due: "2026-01-02", interval: 1, ease: 2.5 }, // I(1) = 1
      { on: "2026-01-02", grade: "good", due: "2026-01-08", interval: 6, ease: 2.5 }, // I(2) = 6
      { on: "2026-01-08", grade: "good", due: "2026-01-23", interval: 15, ease: 2.5 }, // 6 × 2.5
      { on: "2026-01-23", grade: "easy", due: "2026-03-02", interval: 38, ease: 2.6 }, // 15 × 2.5 = 37.5 → 38; Jan 23 + 38 = Mar 2
      { on: "2026-03-02", grade: "hard", due: "2026-06-09", interval: 99, ease: 2.46 }, // 38 × 2.6 = 98.8 → 99; 29 + 30 + 31 + 9
      { on: "2026-06-09", grade: "again", due: "2026-06-10", interval: 1, ease: 2.14 }, // lapse; 2.46 − 0.32
      { on: "2026-06-10", grade: "good", due: "2026-06-16", interval: 6, ease: 2.14 }, // after a lapse: I(2) = 6
      { on: "2026-06-16", grade: "good", due: "2026-06-29", interval: 13, ease: 2.14 }, // 6 × 2.14 = 12.84 → 13
    ]);
  });

  it("ease never drops below 1.3, and intervals keep growing from the floor", () => {
    replay({ ease: 2.5, interval_days: 0, review_count: 0 }, [
      { on: "2026-02-01", grade: "again", due: "2026-02-02", interval: 1, ease: 2.18 },
      { on: "2026-02-02", grade: "again", due: "2026-02-03", interval: 1, ease: 1.86 },
      { on: "2026-02-03", grade: "again", due: "2026-02-04", interval: 1, ease: 1.54 },
      { on: "2026-02-04", grade: "again", due: "2026-02-05", interval: 1, ease: 1.3 }, // 1.22 → floor
      { on: "2026-02-05", grade: "again", due: "2026-02-06", interval: 1, ease: 1.3 }, // stays at the floor
      { on: "2026-02-06", grade: "good", due: "2026-02-12", interval: 6, ease: 1.3 },
      { on: "2026-02-12", grade: "good", due: "2026-02-20", interval: 8, ease: 1.3 }, // 6 × 1.3 = 7.8 → 8
      { on: "2026-02-20", grade: "hard", due: "2026-03-02", interval: 10, ease: 1.3 }, // 8 × 1.3 = 10.4 → 10; 1.16 → floor
      { on: "2026-03-02", grade: "easy", due: "2026-03-15", interval: 13, ease: 1.4 }, // 10 × 1.3 = 13
    ]);
  });

  it("a late review counts from the day it happens (SM-2 ignores lateness)", () => {
    // Due 2026-01-08 with interval 6, reviewed two days late: 6 × 2.5 = 15 days from Jan 10.
    replay({ ease: 2.5, interval_days: 6, review_count: 2, review_due: "2026-01-08" }, [
      { on: "2026-01-10", grade: "good", due: "2026-01-25", interval: 15, ease: 2.5 },
    ]);
  });

  it("counts in local calendar days across a month and a year end", () => {
    replay({ ease: 2.5, interval_days: 15, review_count: 3 }, [
      { on: "2026-12-20", grade: "good", due: "2027-01-27", interval: 38, ease: 2.5 }, // 15 × 2.5 = 37.5 → 38; Dec 20 + 11 = Dec 31, + 27
    ]);
  });

  it("a hand-edited ease below the floor is used as 1.3 and repaired", () => {
    const outcome = scheduleGrade({ kind: "meta-skill", ease: 0.5, interval_days: 10 }, "good", "2026-01-01", "sm2");
    expect(outcome).toMatchObject({ intervalDays: 13, ease: 1.3, reviewDue: "2026-01-14" }); // 10 × 1.3
    expect(outcome.repaired).toEqual([expect.stringMatching(/ease 0.5 is not a number from 1.3 to 5; treated as 1.3/)]);
  });

  it("caps intervals at ten years (the schema's interval rule)", () => {
    expect(sm2Step({ ease: 2.5, intervalDays: 3_000 }, "easy").intervalDays).toBe(MAX_INTERVAL_DAYS);
    expect(MAX_INTERVAL_DAYS).toBe(3650);
  });
});

describe("grades", () => {
  it.each([
    ["again", "again"],
    ["GOOD", "good"],
    ["1", "again"],
    ["4", "easy"],
    ["5", null],
    ["great", null],
    ["", null],
  ])("parses %j as %j", (input, grade) => {
    expect(parseGrade(input)).toBe(grade);
  });
});

describe("SM-2 properties", () => {
  const ease = fc.integer({ min: 130, max: 500 }).map((cents) => cents / 100);
  const interval = fc.oneof(fc.constantFrom(0, 1, 5, 6), fc.integer({ min: 0, max: MAX_INTERVAL_DAYS }), fc.double({ min: 0, max: 1000, noNaN: true }));

  it("intervals never shrink on Good or Easy (nor Hard), and ease stays ≥ 1.3", () => {
    fc.assert(
      fc.property(ease, interval, fc.constantFrom<ReviewGrade>("hard", "good", "easy"), (e, i, grade) => {
        const next = sm2Step({ ease: e, intervalDays: i }, grade);
        expect(next.intervalDays).toBeGreaterThanOrEqual(Math.min(i, MAX_INTERVAL_DAYS));
        expect(next.ease).toBeGreaterThanOrEqual(1.3);
        expect(Number.isInteger(next.intervalDays)).toBe(true);
      }),
    );
  });

  it("over any grade sequence, every Good or Easy keeps or lengthens the interval", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<ReviewGrade>("again", "hard", "good", "easy"), { maxLength: 40 }), (grades) => {
        let state = { ease: 2.5, intervalDays: 0 };
        for (const grade of grades) {
          const next = sm2Step(state, grade);
          if (grade === "good" || grade === "easy") expect(next.intervalDays).toBeGreaterThanOrEqual(state.intervalDays);
          else if (grade === "again") expect(next.intervalDays).toBe(1);
          expect(next.ease).toBeGreaterThanOrEqual(1.3);
          state = next;
        }
      }),
    );
  });
});
