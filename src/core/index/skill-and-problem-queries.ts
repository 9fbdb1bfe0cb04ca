import type { IndexedNote, NoteIndex } from "./note-index";
import { fuseRankings, MEANING_MIN_SCORE } from "./hybrid";
import type { SearchResult } from "./index-types";
import { findSimilar, searchByMeaning } from "./queries";
import { resolveNote } from "./resolve-note";

/**
 * How much past success counts beside relevance when suggesting meta-skills: enough to order
 * equally relevant skills by what worked, never enough to suggest an irrelevant one.
 */
export const SKILL_SUCCESS_WEIGHT = 0.2;
/** Assumed success rate of a skill never used yet: neutral. */
const UNKNOWN_SUCCESS = 0.5;

function cosineToNote(index: NoteIndex, note: IndexedNote, query: Float32Array): number {
  let best = -1;
  for (const store of [index.noteVectors, index.chunkVectors]) {
    for (const entry of store?.entriesOf(note.no) ?? []) {
      let dot = 0;
      for (let d = 0; d < query.length; d++) dot += entry.vector[d]! * query[d]!;
      best = Math.max(best, dot);
    }
  }
  return best;
}

/**
 * Meta-skills that fit a text (a problem, an entry, a selection), ranked by relevance (hybrid, as
 * searchByMeaning) and by past success (`uses_success / uses_total`). Only skills that match by
 * words or by meaning are suggested. `hidePrivate` leaves out private skills, as the panels do.
 */
export async function suggestMetaSkills(index: NoteIndex, text: string, limit = 5, hidePrivate = false): Promise<SearchResult[]> {
  const skills = [...index.notes.values()].filter((note) => note.record.kind === "meta-skill" && !(hidePrivate && note.record.private));
  if (skills.length === 0 || text.trim() === "") return [];
  const skillPaths = new Set(skills.map((s) => s.record.path));
  const textRanked = index.fullText
    .search(text, 1000)
    .filter((hit) => skillPaths.has(hit.path))
    .map((hit) => index.notes.get(hit.path)!.no);
  const embedder = index.embedder;
  let meaningRanked: number[] | null = null;
  const cosines = new Map<number, number>();
  if (embedder && index.noteVectors) {
    const [query] = await embedder.embed([text]);
    if (query) {
      for (const skill of skills) cosines.set(skill.no, cosineToNote(index, skill, query));
      meaningRanked = [...cosines].filter(([, cos]) => cos >= MEANING_MIN_SCORE).sort((a, b) => b[1] - a[1]).map(([no]) => no);
    }
  }
  return fuseRankings(textRanked, meaningRanked)
    .map((entry) => {
      const skill = index.byNo.get(entry.key)!;
      const success = skill.record.successRate;
      const score = (1 - SKILL_SUCCESS_WEIGHT) * entry.score + SKILL_SUCCESS_WEIGHT * (success ?? UNKNOWN_SUCCESS);
      const reasons = [
        ...(entry.textRank ? ["words"] : []),
        ...(cosines.has(entry.key) && entry.meaningRank ? [`meaning ${cosines.get(entry.key)!.toFixed(2)}`] : []),
        success === null ? "not used yet" : `worked ${Math.round(success * 100)}% of the time`,
      ];
      const { path, id, title, kind } = skill.record;
      return { path, id, title, kind, score: Math.round(score * 1000) / 1000, ...(skill.record.private ? { private: true as const } : {}), reasons };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/**
 * Past problems like this one: `problem` is a problem note (path, id or name) or, when no note
 * matches, a description. Each result says how that problem ended (its status). `hidePrivate` leaves
 * out private problems.
 */
export async function findSimilarProblems(index: NoteIndex, problem: string, limit = 5, hidePrivate = false): Promise<SearchResult[]> {
  const note = resolveNote(index, problem);
  let results: SearchResult[];
  if (note) {
    results = await findSimilar(index, note.record.path, { limit, kind: "problem", minScore: MEANING_MIN_SCORE, hidePrivate });
  } else {
    results = await searchByMeaning(index, problem, { kind: "problem", limit, hidePrivate });
  }
  return results.slice(0, limit).map((result) => {
    const status = index.notes.get(result.path)?.record.status;
    return status ? { ...result, reasons: [...(result.reasons ?? []), `status: ${status}`] } : result;
  });
}
