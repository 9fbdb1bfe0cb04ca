import { embedQueries } from "../embed/embedder";
import { cosineToNote } from "./hybrid";
import type { NoteIndex } from "./note-index";

/** How much of a text is embedded: a sentence model reads a few hundred tokens, and the start says what it is about. */
export const MEANING_TEXT_CHARS = 4000;

/**
 * How close in meaning `text` is to every problem note: the cosine to its best vector (whole note or
 * a section), by path. Null when there is no model, or when a problem still waits for its vectors:
 * the caller then goes by words alone rather than compare some problems by meaning and others not.
 */
export async function problemMeaning(index: NoteIndex, text: string): Promise<Record<string, number> | null> {
  const embedder = index.embedder;
  if (!embedder || !index.noteVectors || text.trim() === "") return null;
  const problems = [...index.notes.values()].filter((note) => note.record.kind === "problem");
  const [query] = await embedQueries(embedder, [text.slice(0, MEANING_TEXT_CHARS)]);
  if (!query) return null;
  const scores: Record<string, number> = {};
  for (const problem of problems) {
    const best = cosineToNote(index, problem, query);
    if (best) scores[problem.record.path] = best.score;
    else if (index.isPending(problem.record.path)) return null;
    // A problem with no words of its own has no vector and nothing to mean: it is absent (0).
  }
  return scores;
}
