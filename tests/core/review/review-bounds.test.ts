import { describe, expect, it } from "vitest";
import { applyFixes } from "../../../src/core/check/apply-fixes";
import { checkVault } from "../../../src/core/check/check-vault";
import { composeNote } from "../../../src/core/codec/frontmatter";
import { daysBetween } from "../../../src/core/dates/days";
import { scheduleGrade } from "../../../src/core/review/schedule";
import { MAX_INTERVAL_DAYS } from "../../../src/core/schema/values";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { MemoryNoteRepository } from "../../support/memory-note-repository";
import { buildReviewQueue } from "../../../src/core/review/queue";
import { skill } from "./records";

const TODAY = "2026-03-10";
const ID = "0b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a01";

describe("review values out of range (hand-edited)", () => {
  it.each(["sm2", "fsrs"] as const)("%s: interval_days 1e9 is repaired with a warning and easy stays within ten years", (scheduler) => {
    const outcome = scheduleGrade({ kind: "meta-skill", ease: 2.5, interval_days: 1e9, review_count: 3, review_due: TODAY }, "easy", TODAY, scheduler);
    expect(daysBetween(TODAY, outcome.reviewDue)).toBeLessThanOrEqual(MAX_INTERVAL_DAYS);
    expect(outcome.reviewDue < "2037-01-01").toBe(true);
    expect(outcome.repaired).toEqual([expect.stringMatching(/interval_days 1000000000 is not a number from 0 to 3650; treated as 3650/)]);
  });

  it("an ease above 5, a negative or fractional review count are repaired with warnings", () => {
    const outcome = scheduleGrade({ kind: "meta-skill", ease: 40, interval_days: 10, review_count: -2.5 }, "good", TODAY, "sm2");
    expect(outcome.ease).toBeLessThanOrEqual(5);
    expect(outcome.intervalDays).toBe(50); // 10 × 5, the highest ease
    expect(outcome.reviewCount).toBe(1);
    expect(outcome.repaired).toEqual([
      expect.stringMatching(/^ease 40 is not a number from 1.3 to 5/),
      expect.stringMatching(/^review_count -2.5 is not a whole number from 0 to 36500/),
    ]);
  });

  it("easy after easy never grows the ease past 5", () => {
    let properties: Record<string, unknown> = { kind: "meta-skill", ease: 4.95, interval_days: 10, review_count: 5 };
    const outcome = scheduleGrade(properties, "easy", TODAY, "sm2");
    properties = { ...properties, ease: outcome.ease };
    expect(scheduleGrade(properties, "easy", TODAY, "sm2").ease).toBe(5);
  });

  it("a review_due beyond ten years is shown due today with a warning", () => {
    const queue = buildReviewQueue(
      [skill("Far", { review_due: "2126-01-01", review_count: 3, interval_days: 10, ease: 2.5, reviewed_on: ["2026-01-01"] })],
      DEFAULT_SETTINGS,
      TODAY,
    );
    expect(queue.items).toEqual([
      expect.objectContaining({ name: "Far", warnings: [expect.stringMatching(/review_due 2126-01-01 is more than 3650 days away/)] }),
    ]);
  });

  it("check flags each out-of-range review value; --fix puts review_due back to today", async () => {
    const repo = new MemoryNoteRepository({
      "Skill.md": composeNote(
        { id: ID, kind: "meta-skill", interval_days: 1e9, ease: 40, review_count: 2.5, review_due: "2126-01-01", fsrs_stability: 1e7 },
        "## What it is\n",
      ),
    });
    const report = await checkVault(repo, DEFAULT_SETTINGS, { now: new Date(2026, 2, 10, 12) });
    expect(report.findings.map((finding) => finding.property).sort()).toEqual(["ease", "fsrs_stability", "interval_days", "review_count", "review_due"]);
    await applyFixes(repo, report.findings, () => "2026-03-10T12:00:00Z");
    expect(repo.files.get("Skill.md")).toContain("review_due: 2026-03-10");
    expect(repo.files.get("Skill.md")).toContain("## What it is\n");
  });
});
