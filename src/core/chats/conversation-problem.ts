import { convexScore } from "../index/hybrid";
import { contentWords } from "../index/terms";

/**
 * The lowest word score at which a conversation is linked to a problem. Measured on generated data
 * (tests/support/conversation-topics.ts; tests/core/chats/conversation-problem.test.ts keeps it true):
 * 5 conversations about each of 8 problems, 5 on each of 8 unrelated subjects and 8 near misses (the
 * generic words of problem talk — fix, slow, schedule, training — about another subject). Unrelated
 * ones scored at most 0.165 against any problem; on-topic ones 0.16–0.43 against their own (one short
 * outlier at 0.06), always ranked first. 0.2 is the lowest round value above every unrelated score: no
 * false link, and 38 of 40 on-topic conversations linked; the rest are offered as suggestions.
 */
export const PROBLEM_LINK_THRESHOLD = 0.2;
/** Below the threshold but at least this: worth suggesting, not writing. */
export const PROBLEM_SUGGEST_THRESHOLD = 0.12;
/**
 * The same decision when the index has vectors: the score is then the convex fusion search uses
 * (hybrid.ts: half this word score, half the cosine of the conversation to the problem note), so a
 * conversation that says the same thing in other words is linked. Measured on generated data
 * (tests/support/paraphrased-problems.ts with the static test model; kept true by
 * tests/core/chats/conversation-meaning.test.ts): 5 paraphrases of each of 8 problems (no content word
 * shared: word score 0) fused 0.244–0.447, always ranked first; 60 unrelated conversations at most
 * 0.064, 8 near misses (one meaning shared) at most 0.225, and the 48 unrelated ones and near misses
 * of the word set (tests/support/conversation-topics.ts) at most 0.256. 0.3 keeps a margin over every
 * unrelated score, since a real model spreads cosines differently from the test model: 35 of 40
 * paraphrases linked, the other 5 suggested. What words alone clearly link (the rule above) stays
 * linked when the fused ranking puts the same problem first: 38 of 40 of the word set, as without a model.
 */
export const PROBLEM_MEANING_LINK_THRESHOLD = 0.3;
/** Below the fused threshold but at least this: suggested, not written (every unlinked paraphrase; 1 of 68 unrelated and 5 of 48 word-set near misses). */
export const PROBLEM_MEANING_SUGGEST_THRESHOLD = 0.2;
/** "Clearly" about one problem: its score is at least this many times the next problem's. */
const CLEAR_MARGIN = 1.5;

export interface ProblemText {
  /** The problem's note name (links use it). */
  name: string;
  /** The problem note's path: how meaning scores name it. */
  path?: string;
  /** Its description and context: what it is about, in words. */
  text: string;
}

export interface ProblemMatch {
  name: string;
  /** The word score, or the fused score when meaning was given. */
  score: number;
  /** The word score alone, 0–1. */
  words: number;
  /** The cosine to the problem note, when meaning was given. */
  meaning?: number;
  /** Above the threshold and clearly ahead of the others: written as the conversation's problem. */
  link: boolean;
  /** Worth offering to the person (not written): the best problem, not linked, above the suggestion threshold. */
  suggest: boolean;
}

/** Term frequencies with a sublinear damping, so one repeated word does not outweigh the rest. */
function termWeights(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of contentWords(text)) if (!/\d/.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return new Map([...counts].map(([word, count]) => [word, 1 + Math.log(count)]));
}

/** Whether the first of `ranked` (best first by `score`) reaches `threshold` and is clearly ahead of the second. */
function clearlyFirst(ranked: readonly ProblemMatch[], score: (match: ProblemMatch) => number, threshold: number): boolean {
  const [best, next] = ranked;
  return best !== undefined && score(best) >= threshold && (next === undefined || score(best) >= score(next) * CLEAR_MARGIN);
}

/**
 * Ranks problems for one conversation by words: cosine similarity of term weights times an inverse
 * document frequency over the problems (a word every problem uses says nothing). The problem's name
 * counts three times, as the words its owner chose for it.
 */
export class ProblemMatcher {
  private readonly problems: { name: string; path?: string; weights: Map<string, number> }[];
  private readonly idf = new Map<string, number>();

  constructor(problems: readonly ProblemText[]) {
    this.problems = problems.map((problem) => ({ name: problem.name, path: problem.path, weights: termWeights(`${problem.name}\n`.repeat(3) + problem.text) }));
    const df = new Map<string, number>();
    for (const problem of this.problems) for (const word of problem.weights.keys()) df.set(word, (df.get(word) ?? 0) + 1);
    const n = this.problems.length;
    for (const [word, count] of df) this.idf.set(word, Math.log(1 + n / count));
  }

  private weight(word: string): number {
    return this.idf.get(word) ?? Math.log(1 + this.problems.length);
  }

  /**
   * Every problem with a score above zero, best first; the best is marked `link` when it clearly is
   * the one. `meaning` (cosine by problem path, from the index) fuses meaning into the score; without
   * it the score is words alone, with the thresholds measured for words.
   */
  rank(conversationText: string, meaning?: Readonly<Record<string, number>> | null): ProblemMatch[] {
    const conversation = termWeights(conversationText);
    let conversationNorm = 0;
    for (const [word, tf] of conversation) conversationNorm += (tf * this.weight(word)) ** 2;
    conversationNorm = Math.sqrt(conversationNorm);
    const scored = this.problems
      .map((problem) => {
        let dot = 0;
        let norm = 0;
        for (const [word, tf] of problem.weights) {
          const weighted = tf * this.weight(word);
          norm += weighted ** 2;
          const other = conversation.get(word);
          if (other !== undefined) dot += weighted * other * this.weight(word);
        }
        const words = norm === 0 || conversationNorm === 0 ? 0 : dot / (Math.sqrt(norm) * conversationNorm);
        if (!meaning) return { name: problem.name, score: words, words, link: false, suggest: false };
        const cosine = Math.max(0, (problem.path !== undefined ? meaning[problem.path] : undefined) ?? 0);
        return { name: problem.name, score: convexScore(words, cosine), words, meaning: cosine, link: false, suggest: false };
      })
      .filter((match) => match.score > 0)
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
    const [best] = scored;
    if (!best) return scored;
    if (!meaning) best.link = clearlyFirst(scored, (match) => match.score, PROBLEM_LINK_THRESHOLD);
    else {
      // Meaning only adds links: what words alone clearly link stays linked when the fused ranking agrees.
      const byWords = [...scored].sort((a, b) => b.words - a.words);
      best.link =
        clearlyFirst(scored, (match) => match.score, PROBLEM_MEANING_LINK_THRESHOLD) ||
        (byWords[0] === best && clearlyFirst(byWords, (match) => match.words, PROBLEM_LINK_THRESHOLD));
    }
    best.suggest = !best.link && best.score >= (meaning ? PROBLEM_MEANING_SUGGEST_THRESHOLD : PROBLEM_SUGGEST_THRESHOLD);
    return scored;
  }
}
