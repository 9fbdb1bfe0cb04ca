/** The "Check vault" view over a small vault with one problem of each common kind, in a main tab. */
import { ObsidianNoteRepository } from "../../src/adapters/obsidian/obsidian-repository";
import { composeNote } from "../../src/core/codec/frontmatter";
import { loadSettings } from "../../src/core/settings";
import { CheckView } from "../../src/ui/check/check-view";
import { makeApp } from "../support/obsidian-shims";

export const HOSTILE = "<img src=x onerror=alert(1)>";
const SHARED = "0b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a01";
const SESSIONS =
  "## Sessions\n| start | end | minutes | focus | energy | activity | distractions | outcome |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n| 2026-11-20T09:00:00Z | 2026-11-20T10:30:00Z | 90 | 7 | 6 | debugging | | |\n";

export async function render(root: HTMLElement): Promise<void> {
  const { app } = makeApp({
    "LifeBetter/Problems/Ship v2.md": composeNote({ id: SHARED, kind: "problem", status: "active", time_spent: 45 }, `The release.\n\n${SESSIONS}`),
    "LifeBetter/Problems/Ship v2 copy.md": composeNote({ id: SHARED, kind: "problem", status: "active", time_spent: 90 }, `The release.\n\n${SESSIONS}`),
    "LifeBetter/Entries/2026-11-20 Slept badly.md": composeNote({ kind: "entry", type: "emotion", mood: "meh" }, "Slept badly.\n"),
    "LifeBetter/Entries/2026-11-21 Tried caching.md": composeNote(
      { id: "1b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a02", kind: "entry", type: "attempt", outcome: HOSTILE },
      "See [[Old plan]]\n",
    ),
  });
  const settings = loadSettings({});
  const view = new CheckView(app.workspace.getLeaf(true), { app, repo: new ObsidianNoteRepository(app), settings: () => settings });
  view.containerEl.addClass("workspace-leaf-content", "is-main-tab");
  view.contentEl.addClass("view-content");
  root.appendChild(view.containerEl);
  await view.onOpen();
}
