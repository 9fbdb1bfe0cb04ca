/** The "Export records" modal: every kind ticked but conversations, a date range, private left out. */
import { ObsidianNoteRepository } from "../../src/adapters/obsidian/obsidian-repository";
import { loadSettings } from "../../src/core/settings";
import { ExportModal } from "../../src/ui/transfer/export-modal";
import { makeApp } from "../support/obsidian-shims";
import { showModal } from "./host/frame";

export async function render(root: HTMLElement): Promise<void> {
  const { app } = makeApp({});
  const settings = loadSettings({});
  const modal = new ExportModal({ app, repo: new ObsidianNoteRepository(app), settings: () => settings });
  modal.choice.kinds.delete("conversation");
  modal.choice.since = "2026-01-01";
  await showModal(root, modal);
}
