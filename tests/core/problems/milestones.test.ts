import { describe, expect, it } from "vitest";
import { milestoneProgress, setMilestone } from "../../../src/core/problems/milestones";

const BODY = "Intro with - [ ] not a milestone.\n\n## Milestones\n- [x] Reproduce\n- [ ] Fix\n  - [ ] Nested step\n1. [ ] Ship\n\n## Notes\n- [ ] Not a milestone\n";

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
