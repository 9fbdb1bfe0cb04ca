import { count, create, insert, load, remove, save, search, type RawData } from "@orama/orama";
import type { FullTextFields } from "./note-record";
import { STOP_WORDS } from "./terms";

/** Field boosts: a word in the title says more about a note than the same word in its body. */
export const FIELD_BOOSTS = { title: 4, aliases: 3, headings: 2, tags: 2, body: 1 } as const;

/**
 * Orama's full-text threshold: 1 returns notes matching any query word (ranked by BM25, so notes
 * with more of the words come first), 0 only notes with all of them. Natural questions rarely have
 * every word in one note, so we keep any-word matching and rely on the ranking and the limit.
 * Set explicitly because Orama's defaults differ between full-text and hybrid search.
 */
export const FULLTEXT_THRESHOLD = 1;

const SCHEMA = { title: "string", aliases: "string", headings: "string", tags: "string", body: "string" } as const;

function createDb() {
  return create({
    schema: SCHEMA,
    // Sorting is never used; Orama's default sort index makes every update O(N).
    sort: { enabled: false },
    components: { tokenizer: { language: "english", stemming: true, stopWords: [...STOP_WORDS] } },
  });
}

type Db = ReturnType<typeof createDb>;

export interface FullTextHit {
  path: string;
  score: number;
}

/**
 * The full-text side of the index, keyed by note path. Documents are only ever inserted from the
 * note's own text and removed by id: never rebuilt from search results, which Orama mutates.
 */
export class FullTextIndex {
  private db: Db = createDb();

  get size(): number {
    return count(this.db);
  }

  upsert(path: string, fields: FullTextFields): void {
    this.remove(path);
    void insert(this.db, { id: path, ...fields });
  }

  remove(path: string): void {
    void remove(this.db, path);
  }

  /** Notes matching the query words, best first, with Orama's BM25 score. */
  search(query: string, limit: number): FullTextHit[] {
    if (query.trim() === "") return [];
    const result = search(this.db, {
      term: query,
      properties: ["title", "aliases", "headings", "tags", "body"],
      boost: FIELD_BOOSTS,
      threshold: FULLTEXT_THRESHOLD,
      tolerance: 0,
      limit,
    }) as { hits: { id: string; score: number }[] };
    return result.hits.map((hit) => ({ path: hit.id, score: hit.score }));
  }

  /** Orama's own raw state (full-text index only; vectors are never in Orama). */
  save(): RawData {
    return save(this.db);
  }

  /** Loads saved state into an instance created with our tokenizer (Orama's restore() would drop it). */
  static load(raw: RawData): FullTextIndex {
    const index = new FullTextIndex();
    load(index.db, raw);
    return index;
  }
}
