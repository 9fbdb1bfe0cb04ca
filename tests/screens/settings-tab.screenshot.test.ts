import { describe, expect, it } from "vitest";
import { shoot, type Theme } from "../support/screenshot";

const THEMES: Theme[] = ["light", "dark"];

describe.each(THEMES)("settings tab, %s theme", (theme) => {
  it("shows the section headings, the folder per kind and the custom type", async () => {
    const shot = await shoot("settings-tab", theme, { height: 900 });
    const text = await shot.text();
    // Other features add their own sections after these (each screenshot test of a feature checks its own).
    const headings = await shot.page.locator(".setting-item-heading .setting-item-name").allInnerTexts();
    expect(headings.slice(0, 4)).toEqual(["Folders", "Custom entry types", "Excluded folders", "Search index"]);
    expect(headings).toEqual(expect.arrayContaining(["Reflections", "Backups", "Similar notes and search", "Problems", "Meta-skill review"]));
    expect(text).toContain("Meta-skills folder");
    expect(await shot.page.locator('input[value="workout"], input').evaluateAll((inputs) => inputs.map((el) => (el as HTMLInputElement).value))).toContain(
      "workout",
    );
    expect(await shot.count('[aria-label="Remove this type"] svg')).toBe(1);
    expect(await shot.page.locator('.setting-item:has-text("Folders to leave out") textarea').inputValue()).toBe("Archive\nTemplates");
    expect(await shot.count('.setting-item:has-text("Search by meaning") .checkbox-container.is-enabled')).toBe(1);
  });
});
