import { normalizeVaultPath } from "../vault/paths";
import type { IndexedNote, NoteIndex } from "./note-index";
import { linkName } from "./note-record";

/** Finds a note by path (with or without `.md`), LifeBetter id, `[[link]]` or note name. */
export function resolveNote(index: NoteIndex, ref: string): IndexedNote | null {
  const trimmed =
    ref
      .trim()
      .replace(/^\[\[|\]\]$/g, "")
      .split("|")[0] ?? "";
  let path = trimmed;
  try {
    path = normalizeVaultPath(trimmed);
  } catch {
    return null;
  }
  const direct = index.notes.get(path) ?? index.notes.get(`${path}.md`);
  if (direct) return direct;
  const name = linkName(trimmed);
  const lowerPath = path.toLowerCase();
  for (const note of index.notes.values()) {
    if (note.record.id === trimmed) return note;
  }
  for (const note of index.notes.values()) {
    const candidate = note.record.path.toLowerCase();
    if (candidate === lowerPath || candidate === `${lowerPath}.md` || note.record.title.toLowerCase() === name) return note;
  }
  return null;
}
