import type { IIndex } from "@orama/orama";
import { internalDocumentIDStore, index as oramaIndex } from "@orama/orama/components";
import { insertWords } from "./posting-lists";

type Index = oramaIndex.Index;
type InternalDocumentID = internalDocumentIDStore.InternalDocumentID;
type Bm25 = { k: number; b: number; d: number };
interface RadixTree {
  type: string;
  node: { find(params: { term: string; exact: boolean; tolerance: number }): Record<string, InternalDocumentID[]> };
}

/** The compact index, and how much of the last query each matching document contains. */
export interface CompactIndex extends IIndex<Index> {
  /**
   * After a search: per internal document id, the share of the query's words it contains (any
   * field), each word weighted by its rarity (IDF), so "sourdough" counts more than "make". A word
   * no note contains still counts in the whole: a note matching one word of a long question is a
   * partial match, whatever its BM25 rank.
   */
  readonly coverage: Map<InternalDocumentID, number>;
}

/**
 * Orama's index, minus its per-document term-frequency maps. Orama's tokenizer drops repeated
 * tokens, so the term frequency it stores for every token of a field is always 1 / (the field's
 * token count), which `fieldLengths` already holds. The maps were measured at 62% of the saved state
 * and most of the heap, and filling them scans all of a field's tokens once per token (O(n²)).
 * Nor does it count each word's documents again (`tokenOccurrences`): the word's postings are them.
 * Everything else (radix trees, field lengths, save/load) is Orama's own.
 */
export function compactIndex(): CompactIndex {
  const base = oramaIndex.createIndex();
  const coverage = new Map<InternalDocumentID, number>();
  return {
    ...base,
    coverage,
    insertDocumentScoreParameters(index, prop, id, tokens, docsCount) {
      const internalId = internalDocumentIDStore.getInternalDocumentId(index.sharedInternalDocumentStore, id);
      index.avgFieldLength[prop] = ((index.avgFieldLength[prop] ?? 0) * (docsCount - 1) + tokens.length) / docsCount;
      index.fieldLengths[prop]![internalId] = tokens.length;
    },
    insert(implementation, index, prop, id, internalId, value, schemaType, language, tokenizer, docsCount, options) {
      const tree = (index as Index).indexes[prop] as (RadixTree & { node: Parameters<typeof insertWords>[0] }) | undefined;
      if (tree?.type !== "Radix" || typeof value !== "string") {
        base.insert(implementation, index, prop, id, internalId, value, schemaType, language, tokenizer, docsCount, options);
        return;
      }
      // Orama's insert for a text field, with each word's tree node remembered (posting-lists.ts);
      // its per-token insertTokenScoreParameters is a no-op here (see below).
      const tokens = tokenizer.tokenize(value, language, prop, false);
      implementation.insertDocumentScoreParameters(index, prop, internalId, tokens, docsCount);
      insertWords(tree.node, tokens, internalId);
    },
    // How many documents hold a word is its posting list's length: no count kept beside it.
    insertTokenScoreParameters() {},
    removeTokenScoreParameters() {},
    removeDocumentScoreParameters(index, prop, id, docsCount) {
      // Orama passes the external id here (the internal one on insert).
      const internalId = internalDocumentIDStore.getInternalDocumentId(index.sharedInternalDocumentStore, id);
      const avg = index.avgFieldLength[prop]!;
      index.avgFieldLength[prop] = docsCount > 1 ? (avg * docsCount - index.fieldLengths[prop]![internalId]!) / (docsCount - 1) : undefined!;
      index.fieldLengths[prop]![internalId] = undefined;
    },
    search(store, term, tokenizer, language, properties, exact, tolerance, boost, relevance, docsCount, whereFiltersIDs, threshold = 0) {
      // Only the any-word mode is used (FULLTEXT_THRESHOLD); Orama's all-words filtering is not copied.
      if (threshold !== 1) throw new Error("the compact full-text index supports threshold 1 only");
      const index = store as Index;
      const scores = new Map<InternalDocumentID, number>();
      const tokens = [...new Set(tokenizer.tokenize(term, language))];
      // The documents that have each query word (in any field, prefix matches included).
      const holders = tokens.map(() => new Set<InternalDocumentID>());
      for (const prop of properties) {
        const tree = index.indexes[prop] as RadixTree | undefined;
        if (!tree || tree.type !== "Radix") continue;
        const weight = (boost as Record<string, number>)[prop] ?? 1;
        tokens.forEach((token, t) => {
          const found = tree.node.find({ term: token, exact, tolerance });
          for (const word of Object.keys(found)) {
            const ids = found[word]!;
            scoreTerm(index, prop, word, ids, docsCount, relevance, weight, whereFiltersIDs, scores);
            for (const id of ids) holders[t]!.add(id);
          }
        });
      }
      // Each word weighs its rarity; a word no document has is the rarest of all.
      const rarity = holders.map((ids) => idfOf(docsCount, ids.size));
      const total = rarity.reduce((sum, r) => sum + r, 0);
      coverage.clear();
      holders.forEach((ids, t) => {
        for (const id of ids) coverage.set(id, (coverage.get(id) ?? 0) + rarity[t]! / total);
      });
      return [...scores].sort((a, b) => b[1] - a[1]);
    },
  };
}

/** BM25's inverse document frequency of a word that `matching` of `docsCount` documents contain. */
function idfOf(docsCount: number, matching: number): number {
  return Math.log(1 + (docsCount - matching + 0.5) / (matching + 0.5));
}

/** Orama's BM25 for one term over the documents that contain it, with tf = 1 / field length. */
function scoreTerm(
  index: Index,
  prop: string,
  term: string,
  ids: InternalDocumentID[],
  docsCount: number,
  params: Bm25,
  weight: number,
  filter: Set<InternalDocumentID> | undefined,
  scores: Map<InternalDocumentID, number>,
): void {
  // Orama counts a word's documents per field in `tokenOccurrences` (an object keyed by every word,
  // ~50 bytes a word); the tree's postings for that word are those documents.
  const matching = ids.length;
  const fieldLengths = index.fieldLengths[prop]!;
  const avg = index.avgFieldLength[prop]!;
  const idf = idfOf(docsCount, matching);
  for (const id of ids) {
    if (filter && !filter.has(id)) continue;
    const length = fieldLengths[id]!;
    const tf = 1 / length;
    const bm25 = (idf * (params.d + tf * (params.k + 1))) / (tf + params.k * (1 - params.b + (params.b * length) / avg));
    scores.set(id, (scores.get(id) ?? 0) + bm25 * weight);
  }
}
