import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ReviewGrade } from "../../../src/core/review/grades";
import { REVIEW_GRADES, parseGrade } from "../../../src/core/review/grades";
import { scheduleGrade, writeOutcome } from "../../../src/core/review/schedule";
import { MAX_INTERVAL_DAYS, sm2Step } from "../../../src/core/review/sm2";

/**
 * The SM-2 rules these tables were worked out from, by hand:
 *   quality q: again 2, hard 3, good 4, easy 5
 *   q < 3  → lapse: interval 1
 *   q ≥ 3  → SM-2's interval: 0 → 1; 1–5 → 6; ≥ 6 → round(interval × ease before the change)
 *            Good = max(SM-2's, Hard + 1); Hard = max(2, round(interval × 1.2), interval + 1);
 *            Easy = max(Good + 1, round(SM-2's × 1.3))
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
  it("a new skill: 3, 6, 15 days; Easy lengthens beyond Good and grows ease, Hard gives ×1.2 and lowers it; a lapse restarts at 1 then 6", () => {
    replay({ ease: 2.5, interval_days: 0, review_count: 0 }, [
      { on: "2026-01-01", grade: "good", due: "2026-01-04", interval: 3, ease: 2.5 }, // I(1) = 1, but Good is a day above Hard (2)
      { on: "2026-01-04", grade: "good", due: "2026-01-10", interval: 6, ease: 2.5 }, // I(2) = 6
      { on: "2026-01-10", grade: "good", due: "2026-01-25", interval: 15, ease: 2.5 }, // 6 × 2.5
      { on: "2026-01-25", grade: "easy", due: "2026-03-15", interval: 49, ease: 2.6 }, // 15 × 2.5 = 37.5 → 38, × 1.3 = 49.4 → 49; Jan 25 + 6 + 28 + 15
      { on: "2026-03-15", grade: "hard", due: "2026-05-13", interval: 59, ease: 2.46 }, // 49 × 1.2 = 58.8 → 59 (Good would be 127); 16 + 30 + 13
      { on: "2026-05-13", grade: "again", due: "2026-05-14", interval: 1, ease: 2.14 }, // lapse; 2.46 − 0.32
      { on: "2026-05-14", grade: "good", due: "2026-05-20", interval: 6, ease: 2.14 }, // after a lapse: I(2) = 6
      { on: "2026-05-20", grade: "good", due: "2026-06-02", interval: 13, ease: 2.14 }, // 6 × 2.14 = 12.84 → 13
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
      { on: "2026-02-20", grade: "hard", due: "2026-03-02", interval: 10, ease: 1.3 }, // 8 × 1.2 = 9.6 → 10; 1.16 → floor
      { on: "2026-03-02", grade: "easy", due: "2026-03-19", interval: 17, ease: 1.4 }, // 10 × 1.3 = 13, × 1.3 = 16.9 → 17
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

describe("the four grades give four intervals", () => {
  const intervals = (ease: number, intervalDays: number): number[] => REVIEW_GRADES.map((grade) => sm2Step({ ease, intervalDays }, grade).intervalDays);

  it.each([
    // [ease, interval] → [Again, Hard, Good, Easy], worked out by hand from the rules above
    [2.5, 0, [1, 2, 3, 4]], // a new skill
    [2.5, 1, [1, 2, 6, 8]], // 6 × 1.3 = 7.8 → 8
    [2.5, 5, [1, 6, 7, 8]], // Hard 5 × 1.2 = 6; Good a day above it; Easy a day above Good
    [2.5, 30, [1, 36, 75, 98]], // 30 × 1.2; 30 × 2.5; 75 × 1.3 = 97.5 → 98
    [1.3, 6, [1, 7, 8, 10]], // 7.2 → 7; 7.8 → 8; 8 × 1.3 = 10.4 → 10
    [1.3, 100, [1, 120, 130, 169]],
  ])("ease %d, interval %d days → %j", (ease, intervalDays, expected) => {
    expect(intervals(ease, intervalDays)).toEqual(expected);
  });

  it("a mature skill no longer shows one interval under Hard, Good and Easy (the old SM-2 gave 99 days to all three)", () => {
    const [, hard, good, easy] = intervals(2.6, 38);
    expect(new Set([hard, good, easy]).size).toBe(3);
    expect(good).toBe(99); // 38 × 2.6 = 98.8: SM-2's own interval stays Good's
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

  it("Again < Hard < Good < Easy at every interval and ease below the hundred-year cap", () => {
    fc.assert(
      fc.property(ease, interval, (e, i) => {
        const [again, hard, good, easy] = REVIEW_GRADES.map((grade) => sm2Step({ ease: e, intervalDays: i }, grade).intervalDays);
        fc.pre((easy ?? MAX_INTERVAL_DAYS) < MAX_INTERVAL_DAYS); // at the cap every grade is the cap
        expect(again).toBeLessThan(hard ?? 0);
        expect(hard).toBeLessThan(good ?? 0);
        expect(good).toBeLessThan(easy ?? 0);
      }),
    );
  });

  it("near and past the cap (ten years) the grades stay ordered, never past it", () => {
    fc.assert(
      fc.property(ease, fc.integer({ min: Math.floor(MAX_INTERVAL_DAYS / 2), max: MAX_INTERVAL_DAYS * 1000 }), (e, i) => {
        const days = REVIEW_GRADES.map((grade) => sm2Step({ ease: e, intervalDays: i }, grade).intervalDays);
        expect(days).toEqual([...days].sort((a, b) => a - b));
        expect(Math.max(...days)).toBeLessThanOrEqual(MAX_INTERVAL_DAYS);
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
