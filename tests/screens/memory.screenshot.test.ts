import { describe, expect, it } from "vitest";
import { shoot, type Theme } from "../support/screenshot";

const THEMES: Theme[] = ["light", "dark"];
const HOSTILE = "<img src=x onerror=alert(1)>";

describe.each(THEMES)("memory screens, %s theme", (theme) => {
  it("similar: six notes with badges, scores and reasons, two shown linked, a link-type picker open, a hostile name as text", async () => {
    const shot = await shoot("similar", theme, { width: 420, height: 760 });
    expect(await shot.count(".lifebetter-result")).toBe(6);
    expect(await shot.page.locator(".lifebetter-result-title").allInnerTexts()).toEqual([
      "Retry with backoff",
      "Why does the cache race the runner",
      "Slow builds",
      "Divide and conquer",
      HOSTILE,
      "2026-11-20",
    ]);
    expect(await shot.page.locator(".lifebetter-badge.mod-linked").allInnerTexts()).toEqual(["Linked · similar to", "Linked"]);
    expect(await shot.page.locator(".lifebetter-result-score").first().innerText()).toBe("0.86");
    const text = await shot.text();
    expect(text).toContain('6 similar notes for "Flaky CI"');
    expect(text).toContain("close in meaning · same problem: [[flaky ci]]");
    expect(text).toContain("close in meaning (Logs > 睡眠 🙂)");
    expect(await shot.count(".lifebetter-connect-type")).toBe(6);
    expect(await shot.count(".lifebetter-badge.mod-private")).toBe(1);
    expect(await shot.page.locator("#root img").count()).toBe(0);
  });

  it("search-by-meaning: five results as typed, private hidden, the second selected, filters and keys shown", async () => {
    const shot = await shoot("search-by-meaning", theme, { height: 760 });
    expect(await shot.count(".modal")).toBe(1);
    expect(await shot.count(".lifebetter-result")).toBe(5);
    expect(await shot.page.locator(".lifebetter-result.is-selected .lifebetter-result-title").innerText()).toBe("Why does the cache race the runner");
    const text = await shot.text();
    expect(text).toContain("5 notes");
    expect(text).not.toContain("2026-11-20");
    expect(text).toContain("Mod+Enter to open in a new tab");
    expect(await shot.count(".lifebetter-search-filters [aria-label]")).toBe(6);
    expect(await shot.page.locator("#root img").count()).toBe(0);
  });

  it("capture-similar: three similar past notes under the text being typed", async () => {
    const shot = await shoot("capture-similar", theme, { height: 900 });
    expect(await shot.count(".lifebetter-capture-similar .lifebetter-result")).toBe(3);
    expect(await shot.page.locator(".lifebetter-capture-similar-heading").innerText()).toBe("Similar past notes · open in a new tab");
    expect(await shot.page.locator(".lifebetter-capture-similar .lifebetter-result-title").allInnerTexts()).toEqual([
      "Retry with backoff",
      "Why does the cache race the runner",
      "Slow builds",
    ]);
  });
});
