import { describe, expect, it } from "vitest";
import { shoot, type Theme } from "../support/screenshot";

const THEMES: Theme[] = ["light", "dark"];

describe.each(THEMES)("export modal, %s theme", (theme) => {
  it("shows the kinds, the date range, the private switch, the folder and both ways out", async () => {
    const shot = await shoot("export", theme, { height: 720 });
    const text = await shot.text();
    expect(text).toContain("Export records");
    for (const label of [
      "Entry",
      "Problem",
      "Meta skill",
      "Reflection",
      "Pattern",
      "Conversation",
      "From",
      "Until",
      "Include private records",
      "Folder in this vault",
    ])
      expect(text).toContain(label);
    expect(await shot.count(".checkbox-container.is-enabled")).toBe(5); // every kind but conversations; private off
    expect(await shot.page.locator('[aria-label="From"]').inputValue()).toBe("2026-01-01");
    expect(await shot.page.locator('[aria-label="Export folder"]').inputValue()).toBe("LifeBetter/Exports");
    expect(await shot.page.locator("button").allTextContents()).toEqual(expect.arrayContaining(["Download", "Save in vault"]));
  });
});
