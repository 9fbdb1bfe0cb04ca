import { describe, expect, it } from "vitest";
import { shoot, type Theme } from "../support/screenshot";

const THEMES: Theme[] = ["light", "dark"];

describe.each(THEMES)("reflection panel, %s theme", (theme) => {
  it("today: the form with the day's values and habits, and the context of the day", async () => {
    const shot = await shoot("reflection-daily", theme, { width: 420, height: 1100 });
    const text = await shot.text();
    expect(text).toContain("Tuesday, 24 November 2026");
    expect(await shot.count(".lifebetter-reflection-scale input[type=range]")).toBe(3);
    expect(await shot.page.locator("#lifebetter-reflection-mood").inputValue()).toBe("8");
    expect(await shot.page.locator("#lifebetter-reflection-sleep").inputValue()).toBe("7.5");
    expect(await shot.count(".lifebetter-reflection-habit input:checked")).toBe(2);
    expect(text).toMatch(/Read 20 minutes\s*3 days in a row/);
    expect(text).toMatch(/Flaky CI\s*2 h 10 min/);
    expect(text).toMatch(/Waiting for CI access\s*Flaky CI/);
    // Note text shows as text, never as markup.
    expect(text).toContain("Fixtures share a port");
    expect(await shot.count("#root img")).toBe(0);
    for (const heading of ["Entries", "Problems worked on", "Skills reviewed", "Open blockers", "Decisions to review"]) expect(text).toContain(heading);
    expect(text).toContain("Divide and conquer");
    expect(text).toContain("Waiting for CI access");
    expect(text).toContain("Take the new role");
  });

  it("this week: the digest of the dailies and a renamed heading that keeps its answers", async () => {
    const shot = await shoot("reflection-weekly", theme, { width: 420, height: 1200 });
    const text = await shot.text();
    expect(text).toContain("Week 48 · 23 Nov – 29 Nov 2026");
    expect(text).toContain("Daily reflections on 3 of 7 days");
    expect(text).toMatch(/Mood\s*6\.7 average, ↑ rising/);
    // Four measures, a slot for each of the 7 days; 3 dailies in the week, one without stress.
    expect(await shot.count(".lifebetter-reflection-bar")).toBe(28);
    expect(await shot.count(".lifebetter-reflection-bar:not(.is-empty)")).toBe(12);
    for (const win of ["Reproduced the flaky test", "Found the race in the fixture", "Ran 5 km", "Shipped the fix"]) expect(text).toContain(win);
    expect(text).toMatch(/Flaky CI\s*3 h 10 min/);
    expect(text).toContain("Run: 1 of 3 days (33%)");
    expect(text).toContain('"What worked?" is not in the note (renamed or removed?): what_worked keeps its 2 answers');
  });
});
