/** The capture modal as a user opens it from a link: an attempt with a problem of the link's text refused. */
import { ObsidianNoteRepository } from "../../src/adapters/obsidian/obsidian-repository";
import { loadSettings } from "../../src/core/settings";
import { CaptureModal, type CaptureHost } from "../../src/ui/capture/capture-modal";
import { makeApp } from "../support/obsidian-shims";
import { showModal } from "./host/frame";

export const HOSTILE = "<img src=x onerror=alert(1)>";

export async function render(root: HTMLElement): Promise<void> {
  const { app } = makeApp({ "LifeBetter/Problems/Sleep.md": "---\nkind: problem\n---\n# Sleep\n" });
  const settings = loadSettings({ lastEntryType: "attempt" });
  const host: CaptureHost = { app, repo: new ObsidianNoteRepository(app), settings: () => settings, captured: () => Promise.resolve() };
  const modal = new CaptureModal(host, {
    draft: { text: "Went to bed at 22:30 without the phone; woke up once. 睡得更好 🙂", type: "attempt", tags: "sleep, evening" },
    message: `The link's problem "${HOSTILE}" is not a note in this vault.`,
    source: "uri",
  });
  await showModal(root, modal);
}
