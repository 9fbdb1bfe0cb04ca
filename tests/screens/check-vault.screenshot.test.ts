import { describe, expect, it } from "vitest";
import { shoot, type Theme } from "../support/screenshot";
const HOSTILE = "<img src=x onerror=alert(1)>"; // as planted by check-vault.screen.ts

const THEMES: Theme[] = ["light", "dark"];

describe.each(THEMES)("check vault view, %s theme", (theme) => {
  it("groups the findings and offers a fix button where one exists", async () => {
    const shot = await shoot("check-vault", theme, { height: 900 });
    const text = await shot.text();
    expect(text).toContain("4 notes checked, 4 LifeBetter records: 6 findings.");
    const headings = await shot.page.locator("h3").allTextContents();
    expect(headings).toEqual([
      "Duplicate ids (1)",
      "Missing ids (1)",
      "Invalid property values (2)",
      "Time spent that does not match the sessions (1)",
      "Broken links (1)",
    ]);
    const buttons = await shot.page.locator(".lifebetter-check-fix").allTextContents();
    expect(buttons).toEqual([
      "Give this note a new id",
      "Give this note an id",
      "Remove mood",
      "Remove outcome",
      "Set time_spent to 90, the sum of the sessions",
    ]);
    expect(text).toContain(`outcome must be one of success, partial, failed, abandoned, found "${HOSTILE}"`); // characters, never HTML
    expect(text).toContain("the link [[Old plan]] points at no note or file in the vault");
    expect(await shot.count("img")).toBe(0);
  });
});
