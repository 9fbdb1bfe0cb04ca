import { describe, expect, it } from "vitest";
import { milestoneProgress, nextMilestone, overdueDays, setMilestone } from "../../../src/core/problems/milestones";

const BODY =
  "Intro with - [ ] not a milestone.\n\n## Milestones\n- [x] Reproduce\n- [ ] Fix\n  - [ ] Nested step\n1. [ ] Ship\n\n## Notes\n- [ ] Not a milestone\n";

describe("setMilestone", () => {
  it("ticks and unticks one milestone, nested and numbered ones too, and changes nothing else", () => {
    const fixed = setMilestone(BODY, 1, "Fix", true);
    expect(fixed).toBe(BODY.replace("- [ ] Fix", "- [x] Fix"));
    expect(milestoneProgress(fixed)).toMatchObject({ done: 2, total: 4 });
    expect(setMilestone(BODY, 2, "Nested step", true)).toBe(BODY.replace("  - [ ] Nested", "  - [x] Nested"));
    expect(setMilestone(BODY, 3, "Ship", true)).toBe(BODY.replace("1. [ ] Ship", "1. [x] Ship"));
    expect(setMilestone(BODY, 0, "Reproduce", false)).toBe(BODY.replace("- [x] Reproduce", "- [ ] Reproduce"));
  });

  it("refuses when the note changed and the milestone is not the one the user saw", () => {
    expect(() => setMilestone(BODY, 1, "Reproduce", true)).toThrow('The milestone "Reproduce" is no longer where it was');
    expect(() => setMilestone(BODY, 9, "Fix", true)).toThrow("the note changed");
  });
});

describe("milestone dates (Tasks and Dataview formats)", () => {
  const TASKS =
    "## Milestones\n- [ ] Draft ⏫ ⏳ 2026-11-28 📅 2026-12-01 🔁 every week ^m1\n- [ ] Review [due:: 2026-11-20]\n* [x] Plan ✅ 2026-11-10\n\n## Notes\n";

  it("reads each milestone's text and dates", () => {
    const { tasks } = milestoneProgress(TASKS);
    expect(tasks.map((task) => [task.text, task.checked, task.dates])).toEqual([
      ["Draft ⏫ 🔁 every week", false, { scheduled: "2026-11-28", due: "2026-12-01" }],
      ["Review", false, { due: "2026-11-20" }],
      ["Plan", true, { done: "2026-11-10" }],
    ]);
  });

  it("ticking writes ✅ date as Tasks does; the rest of the line round-trips byte for byte", () => {
    const ticked = setMilestone(TASKS, 0, "Draft ⏫ 🔁 every week", true, "2026-12-02");
    expect(ticked).toBe(
      TASKS.replace(
        "- [ ] Draft ⏫ ⏳ 2026-11-28 📅 2026-12-01 🔁 every week ^m1",
        "- [x] Draft ⏫ ⏳ 2026-11-28 📅 2026-12-01 🔁 every week ✅ 2026-12-02 ^m1",
      ),
    );
    // Unticking gives back the note as it was.
    expect(setMilestone(ticked, 0, "Draft ⏫ 🔁 every week", false, "2026-12-02")).toBe(TASKS);
  });

  it("a Dataview line gets [completion:: date]; a CRLF note keeps its line ends", () => {
    const crlf = TASKS.replace(/\n/g, "\r\n");
    const ticked = setMilestone(crlf, 1, "Review", true, "2026-12-02");
    expect(ticked).toBe(crlf.replace("- [ ] Review [due:: 2026-11-20]", "- [x] Review [due:: 2026-11-20] [completion:: 2026-12-02]"));
    expect(setMilestone(ticked, 1, "Review", false, "2026-12-02")).toBe(crlf);
  });

  it("an already dated done task is not dated twice", () => {
    const body = "## Milestones\n- [ ] Old ✅ 2026-11-01\n";
    expect(setMilestone(body, 0, "Old", true, "2026-12-02")).toBe("## Milestones\n- [x] Old ✅ 2026-11-01\n");
  });

  it("knows overdue and next milestones", () => {
    const progress = milestoneProgress(TASKS);
    expect(nextMilestone(progress)?.text).toBe("Draft ⏫ 🔁 every week");
    expect(progress.tasks.map((task) => overdueDays(task, "2026-12-02"))).toEqual([1, 12, undefined]);
    expect(progress.tasks.map((task) => overdueDays(task, "2026-12-01"))).toEqual([undefined, 11, undefined]);
  });
});
