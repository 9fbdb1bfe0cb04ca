import { embedQueries } from "../embed/embedder";
import type { RecordKind } from "../schema/kinds";
import type { IndexedNote, NoteIndex } from "./note-index";
import { compileFilter, type NoteFilter } from "./note-filter";
import { cosineToNote, fuseScores, MEANING_MIN_SCORE, SIMILAR_MIN_SCORE, type Evidence } from "./hybrid";
import type { SearchResult } from "./index-types";
import { resolveNote } from "./resolve-note";
import { ownTitle } from "./scaffolding";
import { snippetMatcher } from "./snippets";

export interface SearchOptions extends NoteFilter {
  limit?: number;
  /** Cosine below which a note does not enter the meaning ranking (default MEANING_MIN_SCORE). */
  minMeaning?: number;
  /** Weight of the word score against meaning (default TEXT_WEIGHT; the eval sweeps it). */
  textWeight?: number;
}

export interface SimilarOptions {
  limit?: number;
  /** Leave out notes this note links to or that link to it. */
  excludeLinked?: boolean;
  minScore?: number;
  /** Only notes of this kind (the sidebar's kind filter, similar problems). */
  kind?: RecordKind;
  /** Leave out `private: true` records. */
  hidePrivate?: boolean;
}

const DEFAULT_LIMIT = 10;

function resultOf(note: IndexedNote, score: number, reasons?: string[], linked = false): SearchResult {
  const { path, id, title, kind, type } = note.record;
  return {
    path,
    id,
    title,
    kind,
    ...(type ? { type } : {}),
    score: Math.round(score * 1000) / 1000,
    ...(note.record.private ? { private: true as const } : {}),
    ...(linked ? { linked: true as const } : {}),
    ...(reasons && reasons.length > 0 ? { reasons } : {}),
  };
}

/**
 * Adds the excerpt of the note's passage that has the most of `query`'s words, looked for in the
 * piece of its body the word search scored best (`pieces`), else its first piece: one piece
 * (BODY_PIECE_CHARS) per result bounds a query's cost whatever the notes' length (a body may be
 * 100,000 characters).
 */
export function withSnippets(index: NoteIndex, results: SearchResult[], query: string, pieces?: ReadonlyMap<string, number>): SearchResult[] {
  const snippetOf = snippetMatcher(index.fullText.queryTokens(query), (word) => index.fullText.tokenOf(word));
  return results.map((result) => {
    const note = index.notes.get(result.path);
    const text = index.fullText.textOf(result.path, pieces?.get(result.path) ?? 0) || (note ? ownTitle(note.record.title, note.record.kind) : "");
    const snippet = snippetOf(text);
    return snippet ? { ...result, snippet: snippet.text, highlights: snippet.highlights } : result;
  });
}

/** Owners (note numbers) a filter leaves out, so the vector scan skips them. */
function skippedBy(index: NoteIndex, accept: ((note: IndexedNote) => boolean) | null, extra: number[] = []): Set<number> | undefined {
  if (!accept && extra.length === 0) return undefined;
  const skip = new Set(extra);
  if (accept) for (const note of index.notes.values()) if (!accept(note)) skip.add(note.no);
  return skip;
}

/** Best cosine per note over its note vector and chunk vectors, best first, with the best chunk's heading path. */
function meaningRanking(
  index: NoteIndex,
  query: Float32Array,
  k: number,
  minScore: number,
  skip?: Set<number>,
): { no: number; score: number; section?: string }[] {
  const best = new Map<number, { no: number; score: number; section?: string }>();
  for (const store of [index.noteVectors, index.chunkVectors]) {
    if (!store) continue;
    for (const hit of store.topK(query, k * 3, minScore, skip)) {
      const current = best.get(hit.owner);
      if (current && current.score >= hit.score) continue;
      const section = store === index.chunkVectors ? store.keyAt(hit.slot) : undefined;
      best.set(hit.owner, { no: hit.owner, score: hit.score, ...(section ? { section } : {}) });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score).slice(0, k);
}

async function embedQuery(index: NoteIndex, text: string): Promise<Float32Array | null> {
  const embedder = index.embedder;
  if (!embedder || !index.noteVectors || text.trim() === "") return null;
  const [vector] = await embedQueries(embedder, [text]);
  return vector ?? null;
}

/**
 * Hybrid search: full text (Orama, boosted fields) and meaning (exact cosine over note and chunk
 * vectors), fused by their scores (see hybrid.ts). Without a model it is full text alone.
 */
export async function searchByMeaning(index: NoteIndex, query: string, options: SearchOptions = {}): Promise<SearchResult[]> {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const filter = compileFilter(options);
  const accept = filter ? (note: IndexedNote) => filter(note.record) : null;
  // A filter is applied after Orama ranks, so ask it for more hits when filtering.
  const textHits = index.fullText.search(query, accept ? Math.max(500, limit * 50) : limit * 3);
  const candidates = new Map<number, Evidence<number>>();
  for (const hit of textHits) {
    const note = index.notes.get(hit.path);
    if (!note || (accept && !accept(note))) continue;
    if (candidates.size >= limit * 3) break;
    candidates.set(note.no, { key: note.no, text: hit, textRank: candidates.size + 1 });
  }
  const vector = await embedQuery(index, query);
  const sections = new Map<number, string>();
  if (vector) {
    for (const m of meaningRanking(index, vector, limit * 3, options.minMeaning ?? MEANING_MIN_SCORE, skippedBy(index, accept))) {
      const known = candidates.get(m.no);
      candidates.set(m.no, { ...(known ?? { key: m.no }), meaning: m.score });
      if (m.section) sections.set(m.no, m.section);
    }
    // A word match outside the meaning top-k still has a meaning score: compute it exactly.
    for (const candidate of candidates.values()) {
      if (candidate.meaning !== undefined) continue;
      const note = index.byNo.get(candidate.key);
      const best = note ? cosineToNote(index, note, vector) : null;
      if (!best) continue;
      candidate.meaning = best.score;
      if (best.section) sections.set(candidate.key, best.section);
    }
  }
  const ranked = fuseScores([...candidates.values()], vector !== null, options.textWeight)
    .flatMap((entry) => {
      const note = index.byNo.get(entry.key);
      if (!note) return [];
      const reasons: string[] = [];
      if (entry.text) reasons.push(`words ${entry.words.toFixed(2)}`);
      if (entry.meaning !== undefined && entry.meaning >= (options.minMeaning ?? MEANING_MIN_SCORE)) {
        const section = sections.get(entry.key);
        reasons.push(`meaning ${entry.meaning.toFixed(2)}${section ? ` in "${section}"` : ""}`);
      }
      return [resultOf(note, entry.score, reasons)];
    })
    .sort(byScoreThenPath)
    .slice(0, limit);
  return withSnippets(index, ranked, query, new Map(textHits.map((hit) => [hit.path, hit.piece])));
}

/** Equal scores in one stable order (by path), whatever order the notes were indexed in. */
function byScoreThenPath(a: SearchResult, b: SearchResult): number {
  return b.score - a.score || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/** Whether `a` links to `b` or `b` to `a` (links are kept as lower-cased note names). */
function linkedEitherWay(a: IndexedNote, b: IndexedNote): boolean {
  return a.record.links.includes(b.record.title.toLowerCase()) || b.record.links.includes(a.record.title.toLowerCase());
}

/** Notes linked from or to `note`, by note number (a scan of every note: only to exclude them). */
function linkedNotes(index: NoteIndex, note: IndexedNote): number[] {
  const names = new Set(note.record.links);
  const own = note.record.title.toLowerCase();
  const linked: number[] = [];
  for (const other of index.notes.values()) {
    if (names.has(other.record.title.toLowerCase()) || other.record.links.includes(own)) linked.push(other.no);
  }
  return linked;
}

function sharedReasons(a: IndexedNote, b: IndexedNote): string[] {
  const reasons: string[] = [];
  const tags = a.record.tags.filter((tag) => b.record.tags.includes(tag));
  if (tags.length > 0)
    reasons.push(
      `shared tags: ${tags
        .slice(0, 3)
        .map((t) => `#${t}`)
        .join(" ")}`,
    );
  if (a.record.problem && a.record.problem === b.record.problem) reasons.push(`same problem: [[${a.record.problem}]]`);
  const links = a.record.links.filter((link) => b.record.links.includes(link) && link !== a.record.problem);
  if (links.length > 0)
    reasons.push(
      `both link to ${links
        .slice(0, 3)
        .map((l) => `[[${l}]]`)
        .join(", ")}`,
    );
  return reasons;
}

/**
 * Where a question entry came from: "asked in a conversation about [[Its problem]]", or about the
 * conversation's title when it has no problem. Nothing when the conversation is not in the index.
 */
function conversationReasons(index: NoteIndex, note: IndexedNote): string[] {
  const name = note.record.conversation;
  if (!name) return [];
  const conversation = resolveNote(index, name);
  if (!conversation || conversation.record.kind !== "conversation") return [];
  const about = conversation.record.problem ? `[[${conversation.record.problem}]]` : `"${ownTitle(conversation.record.title, "conversation")}"`;
  return [`asked in a conversation about ${about}`];
}

/**
 * What a note is about, as a full-text query (used when there is no vector to compare): the person's
 * own words only, so a record that is only LifeBetter's template describes nothing.
 */
function describingQuery(note: IndexedNote): string {
  return [ownTitle(note.record.title, note.record.kind), ...note.record.tags, ...note.record.terms.slice(0, 8)].join(" ");
}

/**
 * The notes closest in meaning to `ref` (path, id or name): an exact cosine top-k over one vector per
 * note. Without vectors it falls back to full text on the note's title, tags and telling terms.
 */
export async function findSimilar(index: NoteIndex, ref: string, options: SimilarOptions = {}): Promise<SearchResult[]> {
  const note = resolveNote(index, ref);
  if (!note) return [];
  const limit = options.limit ?? DEFAULT_LIMIT;
  const skip = [note.no, ...(options.excludeLinked ? linkedNotes(index, note) : [])];
  const { kind, hidePrivate } = options;
  if (kind || hidePrivate) {
    for (const other of index.notes.values()) {
      if ((kind && other.record.kind !== kind) || (hidePrivate && other.record.private)) skip.push(other.no);
    }
  }
  const own = index.noteVectors?.entriesOf(note.no)[0]?.vector;
  // The snippet shows where another note has the words that tell what this one is about.
  const about = describingQuery(note);
  if (own && index.noteVectors) {
    const hits = index.noteVectors.topK(own.slice(), limit, options.minScore ?? SIMILAR_MIN_SCORE, new Set(skip));
    const results = hits.flatMap((hit) => {
      const other = index.byNo.get(hit.owner);
      return other
        ? [
            resultOf(
              other,
              hit.score,
              [`meaning ${hit.score.toFixed(2)}`, ...sharedReasons(note, other), ...conversationReasons(index, other)],
              linkedEitherWay(note, other),
            ),
          ]
        : [];
    });
    return withSnippets(index, results, about);
  }
  const skipSet = new Set(skip);
  const hits = index.fullText.search(about, limit * 3);
  const top = hits[0]?.score ?? 1;
  const results = hits
    .flatMap((hit) => {
      const other = index.notes.get(hit.path);
      return other && !skipSet.has(other.no)
        ? [
            resultOf(
              other,
              hit.coverage * (hit.score / top),
              [`words ${(hit.coverage * (hit.score / top)).toFixed(2)}`, ...sharedReasons(note, other), ...conversationReasons(index, other)],
              linkedEitherWay(note, other),
            ),
          ]
        : [];
    })
    .slice(0, limit);
  return withSnippets(index, results, about, new Map(hits.map((hit) => [hit.path, hit.piece])));
}
