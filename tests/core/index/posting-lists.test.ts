import { create, insert, remove, search } from "@orama/orama";
import { radix } from "@orama/orama/trees";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FullTextIndex } from "../../../src/core/index/fulltext-index";
import { compactTree, insertWords, PostingList, usePostingLists } from "../../../src/core/index/posting-lists";

const fields = (body: string, title = "") => ({ title, aliases: "", headings: "", tags: "", body });

describe("posting lists (Orama's radix postings as sorted arrays)", () => {
  it("hold the same ids as a Set through any adds and deletes, in ascending order, short or long, trimmed or not", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 150 }), fc.boolean()), { maxLength: 600 }), (ops) => {
        const list = PostingList.from([]);
        const set = new Set<number>();
        for (const [add, id, trim] of ops) {
          if (trim) list.trim();
          if (add) {
            list.add(id);
            set.add(id);
          } else expect(list.delete(id)).toBe(set.delete(id));
        }
        expect([...list]).toEqual([...set].sort((a, b) => a - b));
        expect(list.size).toBe(set.size);
        for (let id = 0; id <= 150; id++) expect(list.has(id)).toBe(set.has(id));
      }),
    );
  });

  it("hold every word's documents when words are inserted through their remembered nodes, as Orama's own insert does", () => {
    usePostingLists();
    // Words of a three-letter alphabet: each extends, splits or repeats the ones before it.
    const word = fc.stringMatching(/^[abc]{1,6}$/);
    const op = fc.tuple(fc.constantFrom("insert", "remove", "compact"), fc.array(word, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 30 }));
    const contents = (tree: radix.RadixTree): string[] =>
      Object.entries(tree.find({ term: "", exact: false, tolerance: 0 }))
        .map(([w, ids]) => `${w}:${[...ids].sort((a, b) => a - b).join(",")}`)
        .sort();
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const remembered = new radix.RadixTree();
        const walked = new radix.RadixTree();
        for (const [kind, words, id] of ops) {
          if (kind === "insert") {
            insertWords(remembered, words, id);
            for (const w of words) walked.insert(w, id);
          } else if (kind === "remove") {
            for (const tree of [remembered, walked]) for (const w of words) tree.removeDocumentByWord(w, id);
          } else for (const tree of [remembered, walked]) compactTree(tree);
        }
        expect(contents(remembered)).toEqual(contents(walked));
      }),
    );
  });

  it("leave Orama's search unchanged: the same hits and scores as Sets, after removals and re-inserts", () => {
    // "run", "runs", "running", "runner": words extending leaves and splitting edges of the tree.
    const words = "apple banana cherry date elder fig grape kiwi lemon mango run running runs runner".split(" ");
    let state = 11;
    const random = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const text = (n: number): string => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(" ");
    const docs = Array.from({ length: 200 }, (_, i) => ({ id: `n${i}`, body: text(20) }));
    const again = Array.from({ length: 200 }, () => text(20));
    // Orama's trees as shipped, filled before the postings are switched, then the same with posting lists.
    const runs = [false, true].map((lists) => {
      if (lists) usePostingLists();
      const db = create({ schema: { body: "string" } as const, sort: { enabled: false } });
      for (const doc of docs) void insert(db, doc);
      for (let i = 0; i < 200; i += 3) void remove(db, `n${i}`);
      for (let i = 0; i < 200; i += 6) void insert(db, { id: `n${i}`, body: again[i]! });
      return words.map((w) =>
        (search(db, { term: w, limit: 500 }) as { hits: { id: string; score: number }[] }).hits.map((h) => `${h.id}:${h.score.toFixed(9)}`),
      );
    });
    expect(runs[1]!.flat().length).toBeGreaterThan(100);
    expect(runs[1]).toEqual(runs[0]);
  });

  it("a note removed or renamed leaves no trace in the full-text index, before and after a save and load", () => {
    const index = new FullTextIndex();
    index.upsert("Bread.md", fields("sourdough starter flour water", "Bread"));
    index.upsert("Cake.md", fields("flour sugar butter eggs", "Cake"));
    index.upsert("Long.md", fields("sourdough ".repeat(700) + "rye", "Long"));
    index.remove("Bread.md");
    index.upsert("Kitchen/Bread 2.md", fields("sourdough starter flour water", "Bread 2"));
    index.upsert("Long.md", fields("rye crackers", "Long"));
    const fresh = new FullTextIndex();
    fresh.upsert("Cake.md", fields("flour sugar butter eggs", "Cake"));
    fresh.upsert("Kitchen/Bread 2.md", fields("sourdough starter flour water", "Bread 2"));
    fresh.upsert("Long.md", fields("rye crackers", "Long"));
    const loaded = FullTextIndex.load(JSON.parse(JSON.stringify(index.save())) as ReturnType<FullTextIndex["save"]>);
    for (const query of ["sourdough", "flour", "rye", "bread", "starter water"]) {
      expect(index.search(query, 10)).toEqual(fresh.search(query, 10));
      expect(loaded.search(query, 10)).toEqual(fresh.search(query, 10));
    }
    expect(index.search("sourdough", 10).map((h) => h.path)).toEqual(["Kitchen/Bread 2.md"]);
    // Removing after a load works too, and so do words that extend a loaded word ("butter" → "buttery").
    loaded.remove("Kitchen/Bread 2.md");
    expect(loaded.search("sourdough", 10)).toEqual([]);
    for (const index of [loaded, fresh]) index.upsert("Toast.md", fields("buttery flourish sugary rye", "Toast"));
    fresh.remove("Kitchen/Bread 2.md");
    for (const query of ["butter", "buttery", "flour", "sugar", "rye"]) expect(loaded.search(query, 10)).toEqual(fresh.search(query, 10));
    expect(loaded.search("buttery", 10).map((h) => h.path)).toEqual(["Toast.md"]);
  });
});
