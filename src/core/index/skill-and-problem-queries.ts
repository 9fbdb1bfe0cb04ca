import { embedQueries } from "../embed/embedder";
import type { NoteIndex } from "./note-index";
import { cosineToNote, fuseScores, MEANING_MIN_SCORE, type Evidence } from "./hybrid";
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

/**
 * Meta-skills that fit a text (a problem, an entry, a selection), ranked by relevance (hybrid, as
 * searchByMeaning) and by past success (`uses_success / uses_total`). Only skills that match by
 * words or by meaning are suggested. `hidePrivate` leaves out private skills, as the panels do.
 */
export async function suggestMetaSkills(index: NoteIndex, text: string, limit = 5, hidePrivate = false): Promise<SearchResult[]> {
  const skills = [...index.notes.values()].filter((note) => note.record.kind === "meta-skill" && !(hidePrivate && note.record.private));
  if (skills.length === 0 || text.trim() === "") return [];
  const bySkillPath = new Map(skills.map((s) => [s.record.path, s] as const));
  const candidates = new Map<number, Evidence<number>>();
  for (const hit of index.fullText.search(text, 1000)) {
    const skill = bySkillPath.get(hit.path);
    if (skill) candidates.set(skill.no, { key: skill.no, text: hit, textRank: candidates.size + 1 });
  }
  const embedder = index.embedder;
  let withMeaning = false;
  if (embedder && index.noteVectors) {
    const [query] = await embedQueries(embedder, [text]);
    if (query) {
      withMeaning = true;
      for (const skill of skills) {
        const cosine = cosineToNote(index, skill, query)?.score;
        if (cosine === undefined) continue;
        const known = candidates.get(skill.no);
        if (known) known.meaning = cosine;
        else if (cosine >= MEANING_MIN_SCORE) candidates.set(skill.no, { key: skill.no, meaning: cosine });
      }
    }
  }
  return fuseScores([...candidates.values()], withMeaning)
    .map((entry) => {
      const skill = index.byNo.get(entry.key)!;
      const success = skill.record.successRate;
      const score = (1 - SKILL_SUCCESS_WEIGHT) * entry.score + SKILL_SUCCESS_WEIGHT * (success ?? UNKNOWN_SUCCESS);
      const reasons = [
        ...(entry.text ? [`words ${entry.words.toFixed(2)}`] : []),
        ...(entry.meaning !== undefined && entry.meaning >= MEANING_MIN_SCORE ? [`meaning ${entry.meaning.toFixed(2)}`] : []),
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
