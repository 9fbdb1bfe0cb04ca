/** The pattern view over a generated vault with planted effects: overview charts, then the proposals. */
import { findPatterns } from "../../src/core/patterns/engine";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { loadRecords } from "../../src/core/vault/records";
import { PatternsPanel } from "../../src/ui/patterns/patterns-panel";
import { MemoryNoteRepository } from "../support/memory-note-repository";
import { patternVault } from "../support/pattern-vault";

export async function render(root: HTMLElement): Promise<void> {
  const vault = patternVault(1);
  const records = await loadRecords(new MemoryNoteRepository(vault.files), DEFAULT_SETTINGS);
  const report = await findPatterns(records, { now: vault.now });
  // A tab in the main area (the host page's .workspace-leaf-content is a 320 px sidebar).
  const leaf = root.createDiv();
  const panel = new PatternsPanel(leaf, {
    openNote: () => {},
    decide: () => Promise.resolve("LifeBetter/Patterns/Pattern.md"),
    refresh: () => {},
  });
  await panel.showReport(report, records.records.length);
}
