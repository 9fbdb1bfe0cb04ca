import { create, insert, remove, search } from "@orama/orama";
import { describe, expect, it } from "vitest";
import { compactIndex } from "../../../src/core/index/orama-compact-index";

const SCHEMA = { title: "string", body: "string" } as const;
const WORDS = "apple banana cherry date elder fig grape honeydew kiwi lemon mango nectarine orange papaya quince running runs ran".split(" ");

function db(compact: boolean) {
  return create({
    schema: SCHEMA,
    sort: { enabled: false },
    components: { tokenizer: { language: "english", stemming: true }, ...(compact ? { index: compactIndex() } : {}) },
  });
}

function hits(d: ReturnType<typeof db>, term: string): { id: string; score: number }[] {
  const result = search(d, { term, properties: ["title", "body"], boost: { title: 3 }, threshold: 1, tolerance: 0, limit: 500 }) as {
    hits: { id: string; score: number }[];
  };
  return result.hits.map((h) => ({ id: h.id, score: h.score }));
}

describe("compactIndex (Orama without per-document term-frequency maps)", () => {
  it("ranks and scores exactly like Orama's own index, also after removals", () => {
    let state = 3;
    const random = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const text = (n: number): string => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ");
    const plain = db(false);
    const compact = db(true);
    for (let i = 0; i < 300; i++) {
      const doc = { id: `n${i}`, title: text(3), body: text(40) };
      void insert(plain, doc);
      void insert(compact, doc);
    }
    for (let i = 0; i < 300; i += 7) {
      void remove(plain, `n${i}`);
      void remove(compact, `n${i}`);
    }
    for (const term of ["apple", "run", "kiwi lemon", "grape mango papaya", "absent", "orange absent"]) {
      const expected = hits(plain, term);
      const actual = hits(compact, term);
      expect(actual.map((h) => h.id)).toEqual(expected.map((h) => h.id));
      actual.forEach((h, i) => expect(h.score).toBeCloseTo(expected[i]!.score, 12));
    }
    expect(hits(compact, "apple").length).toBeGreaterThan(0);
  });

  it("refuses the all-words threshold it does not implement", () => {
    const compact = db(true);
    void insert(compact, { id: "a", title: "apple", body: "banana" });
    expect(() => search(compact, { term: "apple banana", threshold: 0 })).toThrow(/threshold 1/);
  });
});
