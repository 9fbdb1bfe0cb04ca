import { describe, expect, it } from "vitest";
import { shoot, type Theme } from "../support/screenshot";

const THEMES: Theme[] = ["light", "dark"];

describe.each(THEMES)("settings tab, %s theme", (theme) => {
  it("shows every section heading, the folder per kind and the custom type", async () => {
    const shot = await shoot("settings-tab", theme, { height: 900 });
    const text = await shot.text();
    // Every feature's section, in the order of the tab.
    const headings = ["Folders", "Custom entry types", "Excluded folders", "Search index", "Backups", "Similar notes and search", "Problems", "Meta-skill review"];
    expect(await shot.page.locator(".setting-item-heading .setting-item-name").allInnerTexts()).toEqual(headings);
    expect(text).toContain("Meta-skills folder");
    expect(await shot.page.locator('input[value="workout"], input').evaluateAll((inputs) => inputs.map((el) => (el as HTMLInputElement).value))).toContain("workout");
    expect(await shot.count('[aria-label="Remove this type"] svg')).toBe(1);
    expect(await shot.page.locator("textarea").inputValue()).toBe("Archive\nTemplates");
    expect(await shot.count(".checkbox-container.is-enabled")).toBe(1);
  });
});
