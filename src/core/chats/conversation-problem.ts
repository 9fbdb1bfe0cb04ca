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
/** "Clearly" about one problem: its score is at least this many times the next problem's. */
const CLEAR_MARGIN = 1.5;

export interface ProblemText {
  /** The problem's note name (links use it). */
  name: string;
  /** Its description and context: what it is about, in words. */
  text: string;
}

export interface ProblemMatch {
  name: string;
  score: number;
  /** Above the threshold and clearly ahead of the others: written as the conversation's problem. */
  link: boolean;
}

/** Term frequencies with a sublinear damping, so one repeated word does not outweigh the rest. */
function termWeights(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of contentWords(text)) if (!/\d/.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return new Map([...counts].map(([word, count]) => [word, 1 + Math.log(count)]));
}

/**
 * Ranks problems for one conversation by words: cosine similarity of term weights times an inverse
 * document frequency over the problems (a word every problem uses says nothing). The problem's name
 * counts three times, as the words its owner chose for it.
 */
export class ProblemMatcher {
  private readonly problems: { name: string; weights: Map<string, number> }[];
  private readonly idf = new Map<string, number>();

  constructor(problems: readonly ProblemText[]) {
    this.problems = problems.map((problem) => ({ name: problem.name, weights: termWeights(`${problem.name}\n`.repeat(3) + problem.text) }));
    const df = new Map<string, number>();
    for (const problem of this.problems) for (const word of problem.weights.keys()) df.set(word, (df.get(word) ?? 0) + 1);
    const n = this.problems.length;
    for (const [word, count] of df) this.idf.set(word, Math.log(1 + n / count));
  }

  private weight(word: string): number {
    return this.idf.get(word) ?? Math.log(1 + this.problems.length);
  }

  /** Every problem with a score above zero, best first; the best is marked `link` when it clearly is the one. */
  rank(conversationText: string): ProblemMatch[] {
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
        const score = norm === 0 || conversationNorm === 0 ? 0 : dot / (Math.sqrt(norm) * conversationNorm);
        return { name: problem.name, score, link: false };
      })
      .filter((match) => match.score > 0)
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
    const [best, next] = scored;
    if (best && best.score >= PROBLEM_LINK_THRESHOLD && (!next || best.score >= next.score * CLEAR_MARGIN)) best.link = true;
    return scored;
  }
}
