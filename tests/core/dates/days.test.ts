import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDaysTo, asDay, dayOf, daysBetween } from "../../../src/core/dates/days";
import { scheduleGrade } from "../../../src/core/review/schedule";

// Review days are the user's local calendar days; a zone with a DST change shows off-by-one bugs.
const saved = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "America/New_York"; // clocks go forward on 2026-03-08 and back on 2026-11-01
});
afterAll(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

describe("review days in local time", () => {
  it("takes the local day of a moment, not the UTC one", () => {
    expect(dayOf(new Date("2026-03-11T03:30:00Z"))).toBe("2026-03-10"); // 23:30 in New York
  });

  it("adds and counts whole calendar days across DST changes", () => {
    expect(addDaysTo("2026-03-07", 2)).toBe("2026-03-09");
    expect(daysBetween("2026-03-07", "2026-03-09")).toBe(2);
    expect(addDaysTo("2026-10-31", 1)).toBe("2026-11-01");
    expect(daysBetween("2026-10-25", "2026-11-08")).toBe(14);
    expect(scheduleGrade({ kind: "meta-skill", ease: 2.5, interval_days: 1 }, "good", "2026-03-05", "sm2").reviewDue).toBe("2026-03-11");
    expect(scheduleGrade({ kind: "meta-skill", ease: 2.5, interval_days: 1 }, "good", "2026-03-05", "fsrs").reviewDue).toMatch(/^2026-03-\d\d$/);
  });

  it("accepts only real YYYY-MM-DD dates", () => {
    expect(asDay("2026-02-28")).toBe("2026-02-28");
    expect(asDay(" 2026-02-28 ")).toBe("2026-02-28");
    for (const bad of ["2026-02-29", "2026-2-28", "28.02.2026", 20260228, null, undefined, ["2026-02-28"]]) expect(asDay(bad)).toBeNull();
  });
});
