import { describe, expect, it } from "vitest";
import { RECORD_KINDS } from "../../../src/core/schema/kinds";
import { OWN_DATE_PROPERTIES, recordDate } from "../../../src/core/schema/record-date";

const CREATED = "2026-12-02T09:30:00Z";
const MTIME = Date.parse("2026-12-03T00:00:00Z");

describe("a record's date", () => {
  it.each(RECORD_KINDS)("a %s is dated by its own date, not by when its note was created", (kind) => {
    const own = OWN_DATE_PROPERTIES[kind][0] ?? "";
    expect(own).not.toBe("");
    const date = recordDate({ kind, [own]: "2025-06-10", created: CREATED }, MTIME);
    expect(date.getTime()).toBe(new Date(2025, 5, 10).getTime()); // a plain day: local midnight
    expect(recordDate({ kind, [own]: "2025-06-10T08:15:00Z", created: CREATED }, MTIME).toISOString()).toBe("2025-06-10T08:15:00.000Z");
  });

  it.each(RECORD_KINDS)("a %s without its own date falls back to created, then to the file's time", (kind) => {
    const own = OWN_DATE_PROPERTIES[kind][0] ?? "";
    expect(recordDate({ kind, [own]: "soon", created: CREATED }, MTIME).toISOString()).toBe("2026-12-02T09:30:00.000Z");
    expect(recordDate({ kind, [own]: "soon" }, MTIME).getTime()).toBe(MTIME);
  });

  it("a monthly reflection for November written on 2 December is dated 1 November", () => {
    const monthly = { kind: "reflection", period: "monthly", date: "2026-11-01", period_start: "2026-11-01", period_end: "2026-11-30", created: CREATED };
    expect(recordDate(monthly, MTIME).getTime()).toBe(new Date(2026, 10, 1).getTime());
    const daily = { kind: "reflection", period: "daily", date: "2026-11-20", created: CREATED };
    expect(recordDate(daily, MTIME).getTime()).toBe(new Date(2026, 10, 20).getTime());
  });

  it("a note that is not a record is dated by the date it has", () => {
    expect(recordDate({ date: "2026-05-04", created: CREATED }, MTIME).getTime()).toBe(new Date(2026, 4, 4).getTime());
    expect(recordDate({}, MTIME).getTime()).toBe(MTIME);
  });

  it("reads a hand-typed date-time with a space, and never a month or a number, as a date", () => {
    expect(recordDate({ kind: "entry", timestamp: "2026-11-24 10:00", created: CREATED }, MTIME).getTime()).toBe(new Date(2026, 10, 24, 10, 0).getTime());
    for (const odd of ["2026-11", "7", "2026-02-30", "yesterday"]) {
      expect(recordDate({ kind: "entry", timestamp: odd, created: CREATED }, MTIME).toISOString(), odd).toBe("2026-12-02T09:30:00.000Z");
    }
  });
});
