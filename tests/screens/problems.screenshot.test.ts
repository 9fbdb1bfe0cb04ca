import { describe, expect, it } from "vitest";
import { shoot, type Theme } from "../support/screenshot";

const THEMES: Theme[] = ["light", "dark"];

describe.each(THEMES)("problem screens, %s theme", (theme) => {
  it("new-problem: the form with every field a problem has", async () => {
    const shot = await shoot("new-problem", theme);
    const text = await shot.text();
    expect(text).toContain("New problem");
    for (const label of ["Title", "Description", "Priority", "Target date", "Estimate (minutes)", "Category"])
      expect(await shot.count(`[aria-label="${label}"]`)).toBe(1);
    expect(await shot.page.locator('[aria-label="Priority"]').inputValue()).toBe("urgent");
    expect(await shot.page.locator('[aria-label="Description"]').inputValue()).toContain("结账很慢 🐢");
    expect(await shot.count("button.mod-cta")).toBe(1);
  });

  it("problem-suggestions: similar past problems with how they ended, and ranked skills", async () => {
    const shot = await shoot("problem-suggestions", theme);
    const text = await shot.text();
    expect(text).toContain('Created "Slow checkout page"');
    expect(await shot.count(".lifebetter-similar-problems li")).toBe(2);
    expect(text).toContain("Cached the browser between tests");
    expect(text).toContain("Abandoned");
    expect(await shot.count(".lifebetter-suggested-skills li")).toBe(2);
    expect(text).toContain("worked 75% of the time");
  });

  it("problem-view: milestones bar, open blockers first on the timeline, sessions", async () => {
    const shot = await shoot("problem-view", theme, { height: 1100 });
    const text = await shot.text();
    expect(text).toContain("Ship v2");
    expect(text).toContain("2 of 4 done");
    expect(await shot.count("progress")).toBe(1);
    expect(await shot.page.locator(".lifebetter-milestone-list input:checked").count()).toBe(2);
    expect(await shot.count(".lifebetter-milestone-list input")).toBe(4);
    expect(await shot.page.locator(".lifebetter-timeline-type").allInnerTexts()).toEqual([
      "Open blocker",
      "Open blocker",
      "Resolved blocker",
      "Attempt",
      "Solution",
    ]);
    expect(await shot.count(".lifebetter-timeline-item button")).toBe(2);
    expect(text).toContain("2 sessions · 2 h 15 min");
    // Note text with markup shows as the characters written.
    expect(text).toContain("<img src=x onerror=alert(1)>");
    expect(await shot.page.locator("#root img").count()).toBe(0);
  });

  it("session-stop: the running timer in the status bar and the stop form", async () => {
    const shot = await shoot("session-stop", theme);
    const text = await shot.text();
    expect(text).toContain("Stop work session");
    expect(await shot.page.locator(".lifebetter-session-status").innerText()).toMatch(/^Ship v2 · 52:0\d$/);
    expect(text).toContain("52 min of work.");
    expect(text).toContain("8 of 10");
    expect(await shot.count('input[type="range"]')).toBe(2);
    expect(await shot.count('input[type="datetime-local"]')).toBe(1);
  });

  it("problems-dashboard: groups with counts, sortable headers, stale flag", async () => {
    const shot = await shoot("problems-dashboard", theme, { height: 800 });
    const text = await shot.text();
    expect(text).toContain("2 active · 1 blocked · 1 solved · 1 abandoned");
    expect(await shot.page.locator("h3").allInnerTexts()).toEqual(["Active (2)", "Blocked (1)", "Solved (1)", "Abandoned (1)"]);
    expect(await shot.count(".lifebetter-dashboard-row")).toBe(5);
    expect(await shot.count("button.lifebetter-sort")).toBe(24);
    expect(await shot.count(".lifebetter-badge.is-stale")).toBeGreaterThanOrEqual(1);
  });
});
