import { describe, expect, it } from "vitest";
import { shoot, type Theme } from "../support/screenshot";

const THEMES: Theme[] = ["light", "dark"];

describe.each(THEMES)("pattern view, %s theme", (theme) => {
  it("shows the overview charts and every proposal with its chart, evidence and decisions", async () => {
    const shot = await shoot("patterns", theme, { width: 1000, height: 900 });
    const text = await shot.text();
    // The heading counts the proposals; every one of them has its card.
    const proposals = Number(/(\d+) patterns from \d+ notes, most confident first\./.exec(text)?.[1]);
    expect(proposals).toBeGreaterThanOrEqual(10);
    expect(await shot.count(".lifebetter-patterns-overview .lifebetter-chart")).toBe(5);
    expect(await shot.count(".lifebetter-pattern-card")).toBe(proposals);
    for (const name of [
      "Focus is higher in morning sessions",
      "Mood is higher on days you do Exercise",
      "You have been skipping Meditate lately",
      "Rubber duck works for you",
    ]) {
      expect(text).toContain(name);
    }
    // Every bar and line chart drew on its canvas (some pixel is not transparent).
    const drawn = await shot.page.locator("#root canvas").evaluateAll((canvases) =>
      canvases.map((canvas) => {
        const c = canvas as HTMLCanvasElement;
        const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
        return data.some((value, i) => i % 4 === 3 && value > 0);
      }),
    );
    expect(drawn.length).toBeGreaterThanOrEqual(10);
    expect(drawn.every(Boolean)).toBe(true);
    expect(await shot.count(".lifebetter-habit-day.is-done")).toBeGreaterThan(10);
    expect(await shot.count(".lifebetter-pattern-card button.mod-cta")).toBe(proposals);
    expect(await shot.count(".lifebetter-chart-fallback")).toBe(0);
  });
});
