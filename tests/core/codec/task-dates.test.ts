import { describe, expect, it } from "vitest";
import { addDoneDate, readTaskDates, removeDoneDate, setTaskDate, withoutDateTokens } from "../../../src/core/codec/task-dates";

describe("readTaskDates", () => {
  it("reads Tasks emoji dates, with or without a variation selector", () => {
    expect(readTaskDates("- [ ] Ship ⏳ 2026-11-30 📅 2026-12-01 ➕ 2026-11-01 🛫 2026-11-15")).toEqual({
      scheduled: "2026-11-30",
      due: "2026-12-01",
      created: "2026-11-01",
      start: "2026-11-15",
    });
    expect(readTaskDates("- [x] Ship 📅\uFE0F 2026-12-01 ✅ 2026-12-02")).toEqual({ due: "2026-12-01", done: "2026-12-02" });
  });

  it("reads Dataview inline fields, bracketed or in parentheses", () => {
    expect(readTaskDates("- [ ] Ship [due:: 2026-12-01] (scheduled:: 2026-11-29) [completion:: 2026-12-03]")).toEqual({
      due: "2026-12-01",
      scheduled: "2026-11-29",
      done: "2026-12-03",
    });
  });

  it("ignores impossible dates, dates inside words and later lines", () => {
    expect(readTaskDates("- [ ] Ship 📅 2026-02-30")).toEqual({});
    expect(readTaskDates("- [ ] Version📅2026-12-01x")).toEqual({});
    expect(readTaskDates("- [ ] Ship\n  📅 2026-12-01")).toEqual({});
  });
});

describe("withoutDateTokens", () => {
  it("leaves the words of the task", () => {
    expect(withoutDateTokens("Ship the release 📅 2026-12-01 [scheduled:: 2026-11-30] #work")).toBe("Ship the release #work");
  });
});

describe("done dates", () => {
  it("adds ✅ at the end, before a block id, and keeps every other byte", () => {
    expect(addDoneDate("- [x] Ship 🔼 📅 2026-12-01", "2026-12-02")).toBe("- [x] Ship 🔼 📅 2026-12-01 ✅ 2026-12-02");
    expect(addDoneDate("- [x] Ship  📅 2026-12-01 ^abc-1", "2026-12-02")).toBe("- [x] Ship  📅 2026-12-01 ✅ 2026-12-02 ^abc-1");
    expect(addDoneDate("- [x] Ship [due:: 2026-12-01]", "2026-12-02")).toBe("- [x] Ship [due:: 2026-12-01] [completion:: 2026-12-02]");
  });

  it("removes the done date written either way", () => {
    expect(removeDoneDate("- [ ] Ship 📅 2026-12-01 ✅ 2026-12-02 ^id")).toBe("- [ ] Ship 📅 2026-12-01 ^id");
    expect(removeDoneDate("- [ ] Ship [completion:: 2026-12-02] [due:: 2026-12-01]")).toBe("- [ ] Ship [due:: 2026-12-01]");
  });
});

describe("setTaskDate", () => {
  it("replaces a date where it is written, in its own format", () => {
    expect(setTaskDate("- [ ] Ship 📅 2026-12-01 #work", "due", "2026-12-24")).toBe("- [ ] Ship 📅 2026-12-24 #work");
    expect(setTaskDate("- [ ] Ship (due:: 2026-12-01) #work", "due", "2026-12-24")).toBe("- [ ] Ship (due:: 2026-12-24) #work");
    expect(setTaskDate("- [ ] Ship 📅\uFE0F  2026-12-01", "due", "2026-12-24")).toBe("- [ ] Ship 📅\uFE0F  2026-12-24");
    expect(setTaskDate("- [ ] Ship [due:: 2026-12-01]", "due", "2026-12-24")).toBe("- [ ] Ship [due:: 2026-12-24]");
  });

  it("adds a missing date in the line's format, before a block id", () => {
    expect(setTaskDate("- [ ] Ship ^id", "scheduled", "2026-12-20")).toBe("- [ ] Ship ⏳ 2026-12-20 ^id");
    expect(setTaskDate("- [ ] Ship [due:: 2026-12-01]", "scheduled", "2026-12-20")).toBe("- [ ] Ship [due:: 2026-12-01] [scheduled:: 2026-12-20]");
    expect(readTaskDates(setTaskDate("- [ ] Ship", "due", "2026-12-24"))).toEqual({ due: "2026-12-24" });
  });
});
