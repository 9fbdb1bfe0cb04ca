import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { onOpenGesture, openHow, openNote, type OpenHow } from "../../../src/ui/common/open-note";
import { showView } from "../../../src/ui/common/show-view";
import { makeApp, notices, resetNotices } from "../../support/obsidian-shims";
import { NEW_TAB, clickWith, opened, pressOn } from "../../support/open-watch";

const FILES = { "Notes/Plan.md": "# Plan\n\n## Steps\n", "Notes/Other.md": "Other\n" };

async function workspace() {
  const { app } = makeApp(FILES);
  // A note is open in the main area, as when a user clicks in a LifeBetter view.
  await app.workspace.getLeaf(false).openFile(app.vault.getFileByPath("Notes/Other.md")!);
  return app;
}

beforeEach(() => resetNotices());
afterEach(() => document.body.empty());

describe("openHow", () => {
  it("follows Obsidian's modifier rules: Ctrl/Cmd a tab, with Alt a split, with Alt and Shift a window, middle click a tab", () => {
    expect(openHow(new MouseEvent("click"))).toBe(false);
    expect(openHow(new MouseEvent("click", NEW_TAB))).toBe("tab");
    expect(openHow(new MouseEvent("click", { ...NEW_TAB, altKey: true }))).toBe("split");
    expect(openHow(new MouseEvent("click", { ...NEW_TAB, altKey: true, shiftKey: true }))).toBe("window");
    expect(openHow(new MouseEvent("auxclick", { button: 1 }))).toBe("tab");
    expect(openHow(new KeyboardEvent("keydown", { key: "Enter", ...NEW_TAB }))).toBe("tab");
    expect(openHow(null)).toBe(false);
  });
});

describe("openNote", () => {
  it("opens a path, a link text or a wikilink in the same leaf, or a new tab when asked", async () => {
    const app = await workspace();
    expect(await opened(app, () => void openNote(app, "Notes/Plan.md"))).toEqual({ note: "Notes/Plan.md", newTabs: 0 });
    expect(await opened(app, () => void openNote(app, "Other", "tab"))).toEqual({ note: "Notes/Other.md", newTabs: 1 });
    expect(await opened(app, () => void openNote(app, "[[Plan#Steps|the plan]]", new MouseEvent("click", NEW_TAB)))).toEqual({
      note: "Notes/Plan.md",
      newTabs: 1,
    });
    expect(notices).toEqual([]);
  });

  it("says so, and creates nothing, when the note was deleted or renamed", async () => {
    const app = await workspace();
    expect(await openNote(app, "Notes/Gone.md", "tab")).toBe(false);
    expect(app.vault.getAbstractFileByPath("Notes/Gone.md")).toBeNull();
    expect(notices.map((notice) => notice.text)).toEqual(['"Gone" no longer exists: it was deleted or renamed.']);
  });
});

describe("onOpenGesture", () => {
  function row(): { el: HTMLElement; inner: HTMLButtonElement; hows: OpenHow[] } {
    const el = document.body.createDiv({ attr: { tabindex: "0" } });
    const inner = el.createEl("button", { text: "Connect" });
    const hows: OpenHow[] = [];
    onOpenGesture(el, (how) => hows.push(how), { space: true });
    return { el, inner, hows };
  }

  it("opens on click, middle click, Enter and Space with the same modifier rules; buttons inside keep their clicks", () => {
    const { el, inner, hows } = row();
    clickWith(el);
    clickWith(el, NEW_TAB);
    el.dispatchEvent(new MouseEvent("auxclick", { button: 1, bubbles: true }));
    el.dispatchEvent(new MouseEvent("auxclick", { button: 2, bubbles: true }));
    pressOn(el, "Enter");
    pressOn(el, "Enter", NEW_TAB);
    pressOn(el, " ");
    pressOn(el, "a");
    clickWith(inner);
    pressOn(inner, "Enter");
    expect(hows).toEqual([false, "tab", "tab", false, "tab", false]);
  });
});

describe("showView", () => {
  it("reuses the open leaf of a view, and opens a new one for a Ctrl/Cmd-click", async () => {
    const app = await workspace();
    const first = await showView(app.workspace, "lifebetter-test", { state: { path: "a" } });
    expect(await showView(app.workspace, "lifebetter-test", { state: { path: "b" } })).toBe(first);
    const second = await showView(app.workspace, "lifebetter-test", { state: { path: "c" }, how: "tab" });
    expect(second).not.toBe(first);
    expect(app.workspace.getLeavesOfType("lifebetter-test").map((leaf) => leaf.getViewState().state)).toEqual([{ path: "b" }, { path: "c" }]);
  });
});
