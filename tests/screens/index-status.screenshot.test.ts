import { describe, expect, it } from "vitest";
import { shoot, type Theme } from "../support/screenshot";

const THEMES: Theme[] = ["light", "dark"];

describe.each(THEMES)("search index panel, %s theme", (theme) => {
  it("shows the count, why the model is missing with its fix, and what the user can do", async () => {
    const shot = await shoot("index-status", theme, { height: 760 });
    const text = await shot.text();
    expect(text).toContain("Search index");
    expect(text).toContain("10,000 notes · 1 skipped (larger than 2 MB)");
    expect(text).toContain('Off: "Xenova/all-MiniLM-L6-v2/config.json" could not be downloaded');
    expect(text).toContain("Check the connection");
    expect(text).toContain("2 folders left out (Archive, Templates)");
    expect(text).toContain("25 Nov 2026, 09:41");
    for (const label of ["Download model", "Rebuild index", "Close"]) expect(await shot.page.getByRole("button", { name: label, exact: true }).count()).toBe(1);
    // The status bar item is a keyboard-reachable button.
    expect(await shot.count('.status-bar [role="button"][tabindex="0"]')).toBe(1);
  });
});
