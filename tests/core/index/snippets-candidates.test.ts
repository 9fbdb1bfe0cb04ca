import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { unchangedStart } from "../../../src/core/index/snippet-words";
import { SNIPPET_CHARS, snippetMatcher, type Snippet } from "../../../src/core/index/snippets";
import { noteTokenizer } from "../../../src/core/index/tokenizer";
import { CORPORA_ROOT, corporaAvailable, FIXTURE_VAULT } from "../../support/corpora";
import { seededRandom } from "../../support/seeded-random";

// The snippet finder normalises only the words that may match (snippet-words.ts). This is the
// plain way, every word normalised and every window counted, to hold it to.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
function plainSnippet(raw: string, queryTokens: Set<string>, tokenOf: (word: string) => string): Snippet | null {
  const text = raw.replace(/\s+/g, " ").trim();
  if (text === "") return null;
  const hits: { start: number; end: number; token: string }[] = [];
  for (const match of text.matchAll(WORD)) {
    const token = tokenOf(match[0]);
    const query = token === "" ? undefined : [...queryTokens].find((q) => token.startsWith(q));
    if (query) hits.push({ start: match.index, end: match.index + match[0].length, token: query });
  }
  let from = 0;
  let best = 0;
  for (let i = 0; i < hits.length; i++) {
    const distinct = new Set<string>();
    for (let j = i; j < hits.length && hits[j]!.end - hits[i]!.start <= SNIPPET_CHARS; j++) distinct.add(hits[j]!.token);
    if (distinct.size > best) [best, from] = [distinct.size, hits[i]!.start];
  }
  let start = best > 0 ? Math.max(0, from - Math.floor(SNIPPET_CHARS / 4)) : 0;
  if (start > 0) {
    const space = text.indexOf(" ", start);
    start = space >= 0 && space < from ? space + 1 : from;
  }
  let end = Math.min(text.length, start + SNIPPET_CHARS);
  if (end < text.length && text.lastIndexOf(" ", end) > start) end = text.lastIndexOf(" ", end);
  const prefix = start > 0 ? "…" : "";
  const highlights = hits
    .filter((hit) => hit.start >= start && hit.end <= end)
    .map((hit): [number, number] => [hit.start - start + prefix.length, hit.end - start + prefix.length]);
  return { text: prefix + text.slice(start, end) + (end < text.length ? "…" : ""), highlights };
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = join(dir, name);
    return statSync(file).isDirectory() ? markdownFiles(file) : name.endsWith(".md") ? [file] : [];
  });
}

/** Each note against queries of its own words and of other notes' (seeded), new and plain way alike. */
function expectSameAsPlain(files: string[]): number {
  const tokenizer = noteTokenizer();
  const tokenOf = (word: string): string => tokenizer.wordToken(word);
  const random = seededRandom(5);
  // Chinese, Japanese and Korean are marked by another path (tests/core/index/snippets.test.ts).
  const texts = files.map((file) => readFileSync(file, "utf8").slice(0, 3000)).filter((text) => !CJK.test(text));
  const words = texts.flatMap((text) => [...text.matchAll(WORD)].map((m) => m[0]));
  let highlighted = 0;
  for (const text of texts) {
    const own = [...text.matchAll(WORD)].map((m) => m[0]);
    const picks = [0, 1, 2, 3, 4, 5].map(
      (i) => (i < 3 && own.length > 0 ? own : words)[Math.floor(random() * (i < 3 && own.length > 0 ? own.length : words.length))]!,
    );
    // Whole tokens, and the shortest prefixes the index would match too.
    const tokens = new Set(picks.flatMap((word) => tokenizer.tokenize(word)).map((token, i) => (i % 3 === 2 && token.length > 3 ? token.slice(0, 3) : token)));
    const expected = plainSnippet(text, tokens, tokenOf);
    expect(snippetMatcher(tokens, tokenOf)(text), text.slice(0, 80)).toEqual(expected);
    highlighted += expected?.highlights.length ?? 0;
  }
  return highlighted;
}

/** Words of plain a–z whose token, or a prefix of it a query may hold, does not keep unchangedStart of the word. */
function wordsBreakingUnchangedStart(files: string[]): string[] {
  const tokenizer = noteTokenizer();
  const words = new Set(files.flatMap((file) => [...readFileSync(file, "utf8").matchAll(WORD)].map((m) => m[0])));
  const broken: string[] = [];
  for (const word of words) {
    const lower = word.toLowerCase();
    const token = tokenizer.wordToken(word);
    // Runs of marks ("i--" → "--") are tokens of another kind, never a word's.
    if (!/^[a-z0-9'_-]+$/.test(lower) || !/^[a-z0-9]/.test(token)) continue;
    for (let length = 1; length <= token.length; length++) if (!lower.startsWith(unchangedStart(token.slice(0, length)))) broken.push(`${word} → ${token}`);
  }
  return broken;
}

describe("snippets: only the words that can match are normalised, and nothing is missed", () => {
  it("marks British spellings, accents and stems the index matches", () => {
    const tokenizer = noteTokenizer();
    const tokens = new Set(tokenizer.tokenize("favorites centered naivete possibility happy organization"));
    const text = "My favourites: the centred title, naïveté, possibilities, a happier self, organisations; not centre-ish.";
    const snippet = snippetMatcher(tokens, (word) => tokenizer.wordToken(word))(text)!;
    const marked = snippet.highlights.map(([a, b]) => snippet.text.slice(a, b));
    expect(marked).toEqual(["favourites", "centred", "naïveté", "possibilities", "happier", "organisations"]);
    expect(snippet).toEqual(plainSnippet(text, tokens, (word) => tokenizer.wordToken(word)));
  });

  it("a plain word always starts with the unchanged start of its token, and of every prefix of it", () => {
    const tokenizer = noteTokenizer();
    for (const word of ["favourites", "centred", "possibility", "happy", "organisations", "catalogues", "colourful"]) {
      expect(word.startsWith(unchangedStart(tokenizer.wordToken(word))), word).toBe(true);
    }
    expect(wordsBreakingUnchangedStart(markdownFiles(FIXTURE_VAULT))).toEqual([]);
    if (corporaAvailable()) {
      const files = ["obsidian-help", "vault-kepano", "vault-lesleylai-garden", "vault-digitallyliterate"].flatMap((name) =>
        markdownFiles(join(CORPORA_ROOT, name)),
      );
      expect(wordsBreakingUnchangedStart(files)).toEqual([]);
    }
  }, 120_000);

  it("gives the snippet the plain way gives, on the fixture vault", () => {
    expect(expectSameAsPlain(markdownFiles(FIXTURE_VAULT))).toBeGreaterThan(30);
  });

  it.skipIf(!corporaAvailable())(
    "gives the snippet the plain way gives, on real vaults in several languages",
    () => {
      const files = ["obsidian-help", "vault-kepano", "vault-lesleylai-garden", "vault-digitallyliterate"].flatMap((name) =>
        markdownFiles(join(CORPORA_ROOT, name)),
      );
      expect(expectSameAsPlain(files)).toBeGreaterThan(3000);
    },
    120_000,
  );
});
