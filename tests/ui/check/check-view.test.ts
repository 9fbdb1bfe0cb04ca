import { afterEach, describe, expect, it, vi } from "vitest";
import { ObsidianNoteRepository } from "../../../src/adapters/obsidian/obsidian-repository";
import { composeNote } from "../../../src/core/codec/frontmatter";
import { loadSettings } from "../../../src/core/settings";
import { CheckView } from "../../../src/ui/check/check-view";
import { makeApp } from "../../support/obsidian-shims";
import { NEW_TAB, clickWith, opened } from "../../support/open-watch";

const entry = (id: string, body: string) => composeNote({ id, kind: "entry", type: "insight" }, body);
const FILES = {
  "Entries/a.md": entry("1b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a01", "see [[Nowhere]]\n"),
  "Entries/b.md": entry("1b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a02", "fine\n"),
};

/** The check view over a mock vault whose reads can be held after the note is read (a slow disk). */
async function openCheck() {
  const { app } = makeApp(FILES);
  const repo = new ObsidianNoteRepository(app);
  const read = repo.read.bind(repo);
  let hold: Promise<void> | null = null;
  repo.read = async (path) => {
    const text = await read(path);
    if (hold) await hold;
    return text;
  };
  const view = new CheckView(app.workspace.getLeaf(true), { app, repo, settings: () => loadSettings({}) });
  document.body.appendChild(view.containerEl);
  await view.onOpen();
  const root = view.contentEl;
  const headings = () => [...root.querySelectorAll("h3")].map((h) => h.textContent);
  const again = () => [...root.querySelectorAll("button")].find((b) => b.textContent === "Check again")!;
  const holdReads = () => {
    let release!: () => void;
    hold = new Promise<void>((resolve) => (release = resolve));
    return () => {
      hold = null;
      release();
    };
  };
  return { app, view, root, headings, again, holdReads };
}

afterEach(() => document.body.empty());

describe("Check vault view", () => {
  it("opens a finding's note in the same leaf, or a new tab with Ctrl/Cmd", async () => {
    const { app, root } = await openCheck();
    await app.workspace.getLeaf(false).openFile(app.vault.getFileByPath("Entries/b.md")!);
    const link = root.querySelector<HTMLAnchorElement>(".lifebetter-check-path")!;
    expect(link.textContent).toBe("Entries/a.md");
    expect(await opened(app, () => clickWith(link, NEW_TAB))).toEqual({ note: "Entries/a.md", newTabs: 1 });
    await app.workspace.getLeaf(false).openFile(app.vault.getFileByPath("Entries/b.md")!);
    expect(await opened(app, () => clickWith(link))).toEqual({ note: "Entries/a.md", newTabs: 0 });
  });

  it("checks again when asked during a slow check, and shows the newer result, never the older one", async () => {
    const { app, headings, again, holdReads, view } = await openCheck();
    expect(headings()).toEqual(["Broken links (1)"]);
    const release = holdReads();
    again().click(); // reads the note with the broken link, then waits on the disk
    await new Promise((resolve) => setTimeout(resolve, 20));
    await app.vault.modify(app.vault.getFileByPath("Entries/a.md")!, entry("1b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a01", "see [[Entries/b]]\n"));
    again().click(); // the user fixed the link meanwhile
    release();
    await vi.waitFor(() => expect(view.contentEl.querySelector(".lifebetter-check-empty")).not.toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(headings()).toEqual([]);
    expect(view.contentEl.querySelector(".lifebetter-check-summary")?.textContent).toBe("2 notes checked, 2 LifeBetter records: no problems found.");
  });
});
