import { describe, expect, it } from "vitest";
import { shoot, type Theme } from "../support/screenshot";

const THEMES: Theme[] = ["light", "dark"];

describe.each(THEMES)("home screen, %s theme", (theme) => {
  it("home: today's rows and the week against the last", async () => {
    const shot = await shoot("home", theme, { height: 1200 });
    const text = await shot.text();
    expect(text).toContain("Today");
    expect(text).toContain("1 skill review due · Start review");
    expect(text).toContain("Working on Flaky CI for 55 min");
    expect(text).toContain("Decisions to review");
    expect(await shot.page.locator(".is-problem .lifebetter-home-title").allInnerTexts()).toEqual(["Flaky CI", "Tax return", "Learn Rust"]);
    expect(await shot.count(".is-action")).toBe(5);
    expect(await shot.count(".lifebetter-badge.is-overdue")).toBe(1);
    expect(text).toContain("This week against last week");
    expect(await shot.count(".lifebetter-home-week-table tbody tr")).toBe(10);
    // Time by activity type, from the typed sessions of the generated vault.
    expect(await shot.page.locator(`tr[data-metric="minutes_by_activity"]`).innerText()).toMatch(/Time by activity\s+\w+ \d/);
    // Every row that opens something takes the keyboard.
    expect(await shot.count('.lifebetter-home-row[tabindex="0"]')).toBe(await shot.count(".lifebetter-home-row:not(.lifebetter-muted)"));
  });
});
