import { count, create, getByID, insert, load, remove, search, type RawData } from "@orama/orama";
import { internalDocumentIDStore } from "@orama/orama/components";
import type { FullTextFields, FullTextTokens } from "./note-record";
import { compoundParts } from "./compounds";
import { FULL_TEXT_FIELDS, fullTextDocuments } from "./fulltext-documents";
import { compactDocumentsStore, unpackDocument } from "./orama-compact-documents";
import { compactIndex, type CompactIndex } from "./orama-compact-index";
import { compactTree, readTree, usePostingLists, writeTree, type SavedTree } from "./posting-lists";
import { noteTokenizer } from "./tokenizer";

/**
 * Field boosts: a word in the title says more about a note than the same word in its body (measured
 * with `npm run eval`: title 6 beat 4 and 8 on keyword queries without hurting another category).
 * The `description` property (a summary, as Obsidian Publish and site generators use it) adds
 * words a page's title lacks: 0.25–0.75 raised obsidian-help paraphrase queries 0.201 → 0.220,
 * 1 lowered keyword queries (0.952 → 0.944).
 */
export const FIELD_BOOSTS = { title: 6, aliases: 3, headings: 1.5, tags: 2, description: 0.5, body: 1 } as const;

/**
 * Orama's full-text threshold: 1 returns notes matching any query word (ranked by BM25, so notes
 * with more of the words come first), 0 only notes with all of them. Natural questions rarely have
 * every word in one note, so we keep any-word matching and rely on the ranking and the limit.
 * Set explicitly because Orama's defaults differ between full-text and hybrid search.
 */
export const FULLTEXT_THRESHOLD = 1;

/**
 * BM25 parameters: Orama's defaults, set explicitly because they were measured. Orama's tokenizer
 * keeps each token once per field, so term frequency is always 1 / field length and k mostly sets
 * how much a long note is penalised. With `npm run eval` (full text nDCG@5 overall, obsidian-help /
 * lesleylai-garden, with the coverage power of hybrid.ts): k 1.2: 0.621 / 0.740, k 0.6: 0.620 /
 * 0.746, no gain on both sets; before that power k 0.3 lowered keyword queries (0.952 → 0.937) and
 * k 2, b 0.3, b 0.9 and d 0 were each worse on one set.
 */
export const BM25 = { k: 1.2, b: 0.75, d: 0.5 } as const;

/**
 * A note's score is multiplied by 1 + PHRASE_BOOST × the share of the query's adjacent word pairs
 * that stand next to each other in its title, aliases, headings or body. Measured with `npm run
 * eval`: without it obsidian-help full text nDCG@5 is 0.605 (keyword 0.941), with 1 0.620
 * (keyword 0.952), 0.616 when only the returned notes' best pieces are read (the bounded cost kept);
 * the other set is unchanged at @5. 0.5 gained less.
 */
export const PHRASE_BOOST = 1;

/**
 * A pair of query words counts as standing together when the second follows the first within this
 * many tokens ("sync your notes" meets "sync notes"). Measured with `npm run eval` (obsidian-help
 * full text nDCG@5): 1 (adjacent only) 0.627, 2 0.627, 3 0.629 (keyword 0.952 → 0.957), 5 0.629,
 * 8 in either order 0.629; the other set unchanged.
 */
export const PHRASE_WINDOW = 3;

/** Orama's schema: every full-text field (FULL_TEXT_FIELDS, which a worker's tokens follow), as text. */
const SCHEMA = {
  title: "string",
  aliases: "string",
  headings: "string",
  tags: "string",
  description: "string",
  body: "string",
} as const satisfies Record<(typeof FULL_TEXT_FIELDS)[number], "string">;
const PIECE_SEPARATOR = "\u0000";

/** The Orama id of a note's body piece `i`: the first is the note's path, so its fields are found by path. */
function pieceId(path: string, i: number): string {
  return i === 0 ? path : `${path}${PIECE_SEPARATOR}${i}`;
}

/** Which body piece an Orama id is (0 for the note's own document). */
function pieceOf(id: string, path: string): number {
  return id === path ? 0 : Number(id.slice(path.length + PIECE_SEPARATOR.length)) || 0;
}

type Tokenizer = ReturnType<typeof noteTokenizer>;

function createDb(index: CompactIndex, tokenizer: Tokenizer) {
  // Postings as sorted arrays, not Sets: most of the index's memory (see posting-lists.ts).
  usePostingLists();
  return create({
    schema: SCHEMA,
    // Sorting is never used; Orama's default sort index makes every update O(N).
    sort: { enabled: false },
    components: { tokenizer, index, documentsStore: compactDocumentsStore() },
  });
}

type Db = ReturnType<typeof createDb>;

export interface FullTextHit {
  path: string;
  /** Orama's BM25 (boosted fields), best piece of the note. */
  score: number;
  /** Share of the query's words the note contains, weighted by rarity (0–1; see CompactIndex). */
  coverage: number;
  /** Which piece of the body scored best (0: the first), where its snippet is looked for. */
  piece: number;
}

/**
 * The full-text state that is saved: Orama's raw data (its radix trees as SavedTrees, not Orama's
 * toJSON) and how many pieces each note has.
 */
export interface SavedFullText {
  raw: RawData;
  pieces: [path: string, count: number][];
}

interface IndexData {
  indexes: Record<string, { type: string; node: unknown; isArray: boolean }>;
  [field: string]: unknown;
}

/** Strings written into a JSON save are gathered up to this many characters, then handed on. */
const WRITE_CHARS = 1 << 20;

/** Adjacent token pairs of a token sequence ("import notion" for "Import from Notion": stop words are gone). */
function adjacentPairs(tokens: string[]): Set<string> {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < tokens.length; i++) if (tokens[i] !== tokens[i + 1]) pairs.add(`${tokens[i]} ${tokens[i + 1]}`);
  return pairs;
}

/**
 * The full-text side of the index, keyed by note path. Documents are only ever inserted from the
 * note's own text and removed by id: never rebuilt from search results, which Orama mutates.
 */
export class FullTextIndex {
  private readonly component = compactIndex();
  private readonly tokenizer = noteTokenizer();
  private db: Db = createDb(this.component, this.tokenizer);
  private readonly pieceCount = new Map<string, number>();

  /** Notes in the index. */
  get size(): number {
    return this.pieceCount.size;
  }

  /** Orama documents (pieces) in the index. */
  get documents(): number {
    return count(this.db);
  }

  /** Adds or replaces a note; `tokens` are its documents' tokens when another thread worked them out (fullTextTokens). */
  upsert(path: string, fields: FullTextFields, tokens?: FullTextTokens): void {
    this.remove(path);
    const docs = fullTextDocuments(fields);
    const given = tokens?.length === docs.length ? tokens : undefined;
    docs.forEach((doc, i) => {
      const id = pieceId(path, i);
      const known = given?.[i];
      if (known) this.tokenizer.given = new Map(FULL_TEXT_FIELDS.map((field, f) => [doc[field] ?? "", known[f] ?? []]));
      try {
        void insert(this.db, { id, ...doc });
      } finally {
        this.tokenizer.given = null;
      }
    });
    this.pieceCount.set(path, docs.length);
  }

  remove(path: string): void {
    const pieces = this.pieceCount.get(path);
    if (pieces === undefined) return;
    for (let i = 0; i < pieces; i++) void remove(this.db, pieceId(path, i));
    this.pieceCount.delete(path);
  }

  /** Notes matching the query words, best first, with Orama's BM25 score (best piece per note). */
  search(query: string, limit: number): FullTextHit[] {
    if (query.trim() === "") return [];
    // A word no note has may be a compound of words they have ("Schlafhygiene"): search those too.
    const words = query.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
    const parts = compoundParts(
      words,
      (word) => this.tokenOf(word),
      (token, prefix) => this.knows(token, prefix),
    );
    const result = search(this.db, {
      term: parts.length > 0 ? `${query} ${parts.join(" ")}` : query,
      properties: [...FULL_TEXT_FIELDS],
      boost: FIELD_BOOSTS,
      threshold: FULLTEXT_THRESHOLD,
      tolerance: 0,
      relevance: BM25,
      // Pieces of one note may fill several places: ask for more, then keep each note once.
      limit: limit * 2,
    }) as { hits: { id: string; score: number }[] };
    const best = new Map<string, FullTextHit>();
    for (const hit of result.hits) {
      const path = hit.id.split(PIECE_SEPARATOR)[0]!;
      const share = this.component.coverage.get(internalDocumentIDStore.getInternalDocumentId(this.db.internalDocumentIDStore, hit.id)) ?? 0;
      const known = best.get(path);
      // The best piece's score; the note contains the query words of any of its pieces.
      if (!known) {
        best.set(path, { path, score: hit.score, coverage: Math.min(1, share), piece: pieceOf(hit.id, path) });
      } else known.coverage = Math.max(known.coverage, Math.min(1, share));
    }
    const hits = [...best.values()];
    // Words of the query standing together in the note, as in the query, say more than scattered ones.
    const pairs = adjacentPairs(this.tokenizer.sequence(query));
    if (pairs.size > 0) {
      // Only the notes that can be returned are read (their count bounds the cost, not the vault's size).
      hits.splice(limit);
      for (const hit of hits) hit.score *= 1 + PHRASE_BOOST * this.phraseShare(hit.path, hit.piece, pairs);
      hits.sort((a, b) => b.score - a.score);
    }
    return hits.slice(0, limit);
  }

  /**
   * Share of the query's adjacent word pairs that stand together (within PHRASE_WINDOW) in the note's title,
   * aliases, headings or its best-scoring body piece (only that piece: reading every piece of a
   * long note cost tens of milliseconds per query).
   */
  private phraseShare(path: string, bestPiece: number, pairs: Set<string>): number {
    type Doc = Partial<Record<keyof typeof SCHEMA, string>> | undefined;
    const first = getByID(this.db, path) as Doc;
    const piece = bestPiece === 0 ? first : (getByID(this.db, pieceId(path, bestPiece)) as Doc);
    const found = new Set<string>();
    for (const field of [first?.title, first?.aliases, first?.headings, piece?.body]) {
      if (!field) continue;
      const tokens = this.tokenizer.sequence(field);
      for (let t = 0; t + 1 < tokens.length && found.size < pairs.size; t++) {
        for (let u = t + 1; u <= t + PHRASE_WINDOW && u < tokens.length; u++) {
          const pair = `${tokens[t]} ${tokens[u]}`;
          if (pairs.has(pair)) found.add(pair);
        }
      }
    }
    return found.size / pairs.size;
  }

  /** Whether any note has this token (`prefix`: or a word starting with it), in any field. */
  private knows(token: string, prefix: boolean): boolean {
    const trees = (
      this.db.data.index as unknown as {
        indexes: Record<string, { type: string; node: { find(p: { term: string; exact: boolean; tolerance: number }): Record<string, unknown> } }>;
      }
    ).indexes;
    for (const tree of Object.values(trees)) {
      if (tree.type !== "Radix") continue;
      const found = tree.node.find({ term: token, exact: !prefix, tolerance: 0 });
      for (const _ in found) return true;
    }
    return false;
  }

  /** The query's tokens as the index matches them (lower case, stemmed, no stop words). */
  queryTokens(query: string): Set<string> {
    return new Set(this.tokenizer.tokenize(query));
  }

  /** One word as the index stores it ("" for a stop word). */
  tokenOf(word: string): string {
    // Snippets ask this of every word of ten notes per query: the word-level path skips a regex scan.
    return this.tokenizer.wordToken(word);
  }

  /** The indexed text of a note (its body, all pieces, or only piece `only`), or "" when it is not indexed. */
  textOf(path: string, only?: number): string {
    const pieces = this.pieceCount.get(path) ?? 0;
    const parts: string[] = [];
    for (let i = only ?? 0; i < (only === undefined ? pieces : Math.min(pieces, only + 1)); i++) {
      const doc = getByID(this.db, pieceId(path, i)) as { body?: unknown } | undefined;
      if (typeof doc?.body === "string") parts.push(doc.body);
    }
    return parts.join("");
  }

  private get indexData(): IndexData {
    return this.db.data.index as unknown as IndexData;
  }

  /** Gives back the room the postings kept for appending (after a sync has indexed many notes). */
  compact(): void {
    for (const tree of Object.values(this.indexData.indexes)) {
      if (tree.type === "Radix") compactTree(tree.node as Parameters<typeof compactTree>[0]);
    }
  }

  /**
   * Writes the saved state (a SavedFullText) as JSON into `write`, in pieces of about a megabyte:
   * the trees node by node and the documents one by one, so a save never holds the state twice
   * over as objects or one string of it all (V8's string limit is near a 60k-note vault's state).
   */
  writeJson(write: (json: string) => void): void {
    let buffer = "";
    const add = (json: string): void => {
      buffer += json;
      if (buffer.length < WRITE_CHARS) return;
      write(buffer);
      buffer = "";
    };
    const data = this.db.data;
    const { indexes, ...fields } = this.indexData;
    add(`{"pieces":${JSON.stringify([...this.pieceCount])},"raw":{`);
    add(`"internalDocumentIDStore":${JSON.stringify({ internalIdToId: this.db.internalDocumentIDStore.internalIdToId })}`);
    add(`,"language":${JSON.stringify(this.db.tokenizer.language)}`);
    add(`,"sorting":${JSON.stringify(this.db.sorter.save(data.sorting)) ?? "null"}`);
    add(`,"pinning":${JSON.stringify(this.db.pinning.save(data.pinning)) ?? "null"}`);
    add(`,"docs":{"count":${count(this.db)},"docs":{`);
    let first = true;
    for (const [id, doc] of Object.entries(data.docs.docs as Record<number, Record<string, unknown> | undefined>)) {
      if (doc === undefined) continue;
      add(`${first ? "" : ","}${JSON.stringify(id)}:${JSON.stringify(unpackDocument(doc))}`);
      first = false;
    }
    add(`}},"index":{`);
    for (const [key, value] of Object.entries(fields)) {
      // The shared id store is the one above; the rest is per field, one field at a time.
      if (key === "sharedInternalDocumentStore") continue;
      add(`${JSON.stringify(key)}:${JSON.stringify(value) ?? "null"},`);
    }
    add(`"indexes":{`);
    first = true;
    for (const [prop, { type, node, isArray }] of Object.entries(indexes)) {
      if (type !== "Radix") throw new Error(`the full-text index cannot save a ${type} index`);
      add(`${first ? "" : ","}${JSON.stringify(prop)}:{"type":"Radix","isArray":${isArray},"node":`);
      writeTree(node as Parameters<typeof writeTree>[0], add);
      add("}");
      first = false;
    }
    add("}}}}");
    write(buffer);
  }

  /** The saved state as an object (what writeJson writes, parsed). */
  save(): SavedFullText {
    let json = "";
    this.writeJson((piece) => (json += piece));
    return JSON.parse(json) as SavedFullText;
  }

  /** Loads saved state into an instance created with our tokenizer (Orama's restore() would drop it). */
  static load(saved: SavedFullText): FullTextIndex {
    const index = new FullTextIndex();
    const raw = saved.raw as unknown as { index: IndexData };
    const trees: [string, SavedTree][] = [];
    for (const [prop, tree] of Object.entries(raw.index.indexes)) {
      trees.push([prop, tree.node as SavedTree]);
      // Orama makes an empty tree of it; ours replaces it below.
      tree.node = {};
    }
    load(index.db, saved.raw);
    for (const [prop, tree] of trees) index.indexData.indexes[prop]!.node = readTree(tree);
    for (const [path, pieces] of saved.pieces) index.pieceCount.set(path, pieces);
    return index;
  }
}
