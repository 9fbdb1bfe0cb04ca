import { describe, expect, it } from "vitest";
import { shoot, type Theme } from "../support/screenshot";

const THEMES: Theme[] = ["light", "dark"];

describe.each(THEMES)("review screens, %s theme", (theme) => {
  it("review-question: the most overdue skill's name and question, the note hidden, the summary above", async () => {
    const shot = await shoot("review-question", theme);
    const text = await shot.text();
    expect(await shot.page.locator(".lifebetter-review-name").innerText()).toBe("Divide and conquer");
    expect(text).toContain("When would you use this?");
    expect(text).not.toContain("Split the problem in halves");
    // Due now: the decision, the two skills due (one with a warning); done today 0, a 1-day streak from yesterday.
    expect(await shot.page.locator(".is-due .lifebetter-review-stat-value").innerText()).toBe("3");
    expect(await shot.page.locator(".is-streak .lifebetter-review-stat-value").innerText()).toBe("1 day");
    expect(await shot.page.locator(".is-week .lifebetter-review-stat-value").innerText()).toBe("2");
    expect(await shot.count(".lifebetter-review-week li")).toBe(7);
    expect(text).toContain("Used 4 times · worked 75% of the time · 2.5 h to a solution on average");
    expect(await shot.count(".lifebetter-review-examples li")).toBe(3);
    expect(await shot.page.locator(".lifebetter-review-card .mod-cta kbd").innerText()).toBe("Space");
  });

  it("review-revealed: the note, and four grades with keys and intervals", async () => {
    const shot = await shoot("review-revealed", theme, { height: 900 });
    const text = await shot.text();
    expect(text).toContain("Split the problem in halves");
    expect(await shot.count(".lifebetter-review-grade")).toBe(4);
    expect(await shot.page.locator(".lifebetter-review-grade kbd").allInnerTexts()).toEqual(["1", "2", "3", "4"]);
    expect(await shot.page.locator(".lifebetter-review-grade-interval").allInnerTexts()).toEqual(["1 day", "7 days", "15 days", "20 days"]);
  });

  it("decision-review: how did it turn out, with the expectation shown as typed", async () => {
    const shot = await shoot("decision-review", theme, { height: 900 });
    const text = await shot.text();
    expect(await shot.page.locator(".lifebetter-review-name").innerText()).toBe("Take the job");
    expect(text).toContain("How did it turn out?");
    expect(text).toContain("9 days overdue");
    expect(await shot.page.locator(".lifebetter-review-expected").innerText()).toContain("<img src=x onerror=alert(1)>");
    expect(await shot.page.locator("#root img").count()).toBe(0);
    expect(await shot.count('textarea[aria-label="What actually happened"]')).toBe(1);
    expect(await shot.count('input[aria-label="Satisfaction"]')).toBe(1);
    expect(await shot.count('select[aria-label="Would you decide the same again?"]')).toBe(1);
  });

  it("suggest-skills: ranked skills with why, the linked one marked", async () => {
    const shot = await shoot("suggest-skills", theme);
    expect(await shot.count(".modal")).toBe(1);
    expect(await shot.page.locator(".lifebetter-suggest-skill-name").allInnerTexts()).toEqual(["Divide and conquer", "Rubber duckLinked", "Sleep on it"]);
    expect(await shot.page.locator(".lifebetter-suggest-skill .lifebetter-review-badge").innerText()).toBe("Linked");
    const text = await shot.text();
    expect(text).toContain("3 meta-skills fit, best first.");
    expect(text).toContain('For the selection in "Flaky CI"');
    expect(text).toContain("worked 75% of the time");
  });

  it("review-warning: a hand-edited ease shows first, due, with what was wrong", async () => {
    const shot = await shoot("review-warning", theme);
    expect(await shot.page.locator(".lifebetter-review-name").innerText()).toBe("Rubber duck");
    expect(await shot.page.locator('.lifebetter-review-warning[role="alert"]').innerText()).toContain('ease "high" is not a number; treated as 2.5');
  });
});
