import { describe, expect, it } from "vitest";
import { shoot, type Theme } from "../support/screenshot";

const THEMES: Theme[] = ["light", "dark"];

describe.each(THEMES)("AI conversation import progress, %s theme", (theme) => {
  it("shows what is read, how far, and a cancel button", async () => {
    const shot = await shoot("import-chats-progress", theme, { width: 600, height: 240 });
    const text = await shot.text();
    expect(text).toContain("Importing AI conversations from conversations.json");
    expect(text).toContain("45% · 45.0 of 100.0 MB read");
    expect(await shot.page.locator("progress").getAttribute("value")).toBe("45");
    expect(await shot.page.locator("button").allTextContents()).toEqual(["Cancel"]);
  });
});
