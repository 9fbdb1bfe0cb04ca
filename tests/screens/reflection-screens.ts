import { parseNote } from "../../src/core/codec/frontmatter";
import { periodRange, type ReflectionPeriod } from "../../src/core/reflection/periods";
import { reflectionModel } from "../../src/core/reflection/reflection-model";
import { loadRecords } from "../../src/core/vault/records";
import { renderReflectionPanel } from "../../src/ui/reflection/reflection-panel";
import { MemoryNoteRepository } from "../support/memory-note-repository";
import { REFLECTION_SETTINGS, reflectionVault } from "../support/reflection-vault";

/** The real reflection panel over the made-up week, for the note of `path`. */
export async function renderReflection(root: HTMLElement, period: ReflectionPeriod, path: string, text: string): Promise<void> {
  const files = { ...reflectionVault(), [path]: text };
  const { records } = await loadRecords(new MemoryNoteRepository(files), REFLECTION_SETTINGS);
  const parsed = parseNote(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  const model = reflectionModel(
    { path, properties: parsed.properties, body: parsed.parts.body },
    periodRange(period, "2026-11-24"),
    records,
    REFLECTION_SETTINGS,
  );
  renderReflectionPanel(root, model, { setValues: () => Promise.resolve(null), openNote: () => {} });
}
