import { describe, expect, it } from "vitest";
import { shoot, type Theme } from "../support/screenshot";

const THEMES: Theme[] = ["light", "dark"];

describe.each(THEMES)("capture modal, %s theme", (theme) => {
  it("shows the form framed as a modal with the type's fields", async () => {
    const shot = await shoot("capture-modal", theme);
    const text = await shot.text();
    expect(text).toContain("Capture entry");
    expect(await shot.count(".modal")).toBe(1);
    expect(await shot.page.locator('select[aria-label="Type"]').inputValue()).toBe("attempt");
    // An attempt asks for its outcome; every capture asks for problem, skills, tags, three scales and context.
    expect(await shot.count('[aria-label="Outcome"]')).toBe(1);
    expect(await shot.count('input[type="range"]')).toBe(3);
    expect(await shot.count("button")).toBeGreaterThanOrEqual(2);
    expect(await shot.page.locator("textarea").inputValue()).toContain("睡得更好");
  });

  it("shows markup from a link as the characters typed, never as an element", async () => {
    const shot = await shoot("capture-modal", theme);
    expect(await shot.page.locator(".lifebetter-capture-error").innerText()).toContain("<img src=x onerror=alert(1)>");
    expect(await shot.page.locator("#root img").count()).toBe(0);
  });
});
