import { describe, expect, it } from "vitest";
import { addDaysTo, daysBetween } from "../../../src/core/dates/days";
import type { ReviewGrade } from "../../../src/core/review/grades";
import { scheduleGrade, writeOutcome } from "../../../src/core/review/schedule";

function run(grades: ReviewGrade[], start: Record<string, unknown> = { kind: "meta-skill", ease: 2.5, interval_days: 0, review_count: 0 }) {
  let properties = start;
  let today = "2026-01-01";
  const steps = [];
  for (const grade of grades) {
    const outcome = scheduleGrade(properties, grade, today, "fsrs");
    const next = structuredClone(properties);
    writeOutcome(next, outcome, today, "2026-01-01T00:00:00Z");
    steps.push({ today, outcome, properties: next });
    properties = next;
    today = outcome.reviewDue; // reviewed on the day it comes due
  }
  return steps;
}

describe("FSRS scheduler (ts-fsrs)", () => {
  it("writes the shared fields plus fsrs_ state, in whole days from the review day", () => {
    const [first] = run(["good"]);
    expect(first?.properties).toMatchObject({
      review_count: 1,
      ease: 2.5, // FSRS has no ease: kept for a switch back to SM-2
      reviewed_on: ["2026-01-01"],
      fsrs_state: "review",
      fsrs_lapses: 0,
    });
    const { properties, outcome } = first!;
    expect(properties.review_due).toBe(addDaysTo("2026-01-01", properties.interval_days as number));
    expect(outcome.intervalDays).toBeGreaterThanOrEqual(1);
    expect(properties.fsrs_stability).toBeGreaterThan(0);
    expect(properties.fsrs_difficulty).toBeGreaterThanOrEqual(1);
  });

  it("grows intervals on Good, counts a lapse on Again and shortens the interval", () => {
    const steps = run(["good", "good", "good", "again", "good"]);
    const intervals = steps.map((step) => step.outcome.intervalDays);
    expect(intervals[1]).toBeGreaterThan(intervals[0]!);
    expect(intervals[2]).toBeGreaterThan(intervals[1]!);
    expect(intervals[3]).toBeLessThan(intervals[2]!);
    expect(steps[3]?.properties.fsrs_lapses).toBe(1);
    expect(steps[3]?.outcome.lapse).toBe(true);
    for (const step of steps) expect(daysBetween(step.today, step.outcome.reviewDue)).toBe(step.outcome.intervalDays);
  });

  it("is deterministic (no fuzz) and orders the grades Again < Hard < Good < Easy", () => {
    const base = run(["good", "good"])[1]!.properties;
    const interval = (grade: ReviewGrade) => scheduleGrade(base, grade, base.review_due as string, "fsrs").intervalDays;
    expect(interval("good")).toBe(interval("good"));
    expect(interval("again")).toBeLessThan(interval("hard"));
    expect(interval("hard")).toBeLessThan(interval("good"));
    expect(interval("good")).toBeLessThan(interval("easy"));
  });

  it("picks up a skill with SM-2 history from its interval", () => {
    const outcome = scheduleGrade(
      { kind: "meta-skill", ease: 2.5, interval_days: 30, review_count: 5, reviewed_on: ["2025-12-02"], review_due: "2026-01-01" },
      "good",
      "2026-01-01",
      "fsrs",
    );
    expect(outcome.intervalDays).toBeGreaterThan(30);
    expect(outcome.fsrs?.state).toBe("review");
  });
});
