import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadNodeEmbedder } from "../../../src/adapters/node/node-embedder";
import { composeNote } from "../../../src/core/codec/frontmatter";
import { PROBLEM_MEANING_LINK_THRESHOLD, ProblemMatcher, type ProblemMatch } from "../../../src/core/chats/conversation-problem";
import type { MemoryIndex } from "../../../src/core/index/memory-index";
import { memoryIndex } from "../../support/index-fixtures";
import { MemoryVault } from "../../support/memory-vault";
import { tempStaticModel } from "../../support/models/temp-models";
import { generatedConversations, TOPIC_PROBLEMS } from "../../support/conversation-topics";
import { paraphrasedConversations, PARAPHRASED_PROBLEMS, type ParaphrasedConversation } from "../../support/paraphrased-problems";

const problemPath = (name: string): string => `LifeBetter/Problems/${name}.md`;

let indexes: MemoryIndex[] = [];
let cleanup: () => Promise<void> = () => Promise.resolve();
let ranked: { conversation: ParaphrasedConversation; matches: ProblemMatch[]; words: ProblemMatch[] }[] = [];

beforeAll(async () => {
  const model = await tempStaticModel();
  cleanup = model.cleanup;
  const load = await loadNodeEmbedder({ model: model.folder });
  if (!load.ok) throw new Error(load.unavailable.reason);
  const worded: ParaphrasedConversation[] = generatedConversations(5).map((generated) => ({
    ...generated,
    kind: generated.about ? "worded" : "worded unrelated",
  }));
  ranked = [];
  // Each set in a vault of its own: the two sets share subjects (sleep, budget, sourdough), so together they are not "unrelated".
  for (const [problems, conversations] of [
    [PARAPHRASED_PROBLEMS, paraphrasedConversations(5)],
    [TOPIC_PROBLEMS, worded],
  ] as const) {
    const vault = new MemoryVault(
      Object.fromEntries(
        problems.map((problem) => [problemPath(problem.name), composeNote({ kind: "problem", status: "active" }, `${problem.description}\n`)]),
      ),
    );
    const index = memoryIndex(vault, load.embedder);
    indexes.push(index);
    await index.open();
    const matcher = new ProblemMatcher(problems.map((problem) => ({ name: problem.name, path: problemPath(problem.name), text: problem.description })));
    for (const conversation of conversations) {
      const text = `${conversation.title}\n${conversation.messages.map((message) => message.text).join("\n")}`;
      const questions = [conversation.title, ...conversation.messages.filter((message) => message.role === "user").map((message) => message.text)].join("\n");
      ranked.push({ conversation, matches: matcher.rank(text, await index.problemMeaning(questions)), words: matcher.rank(text) });
    }
  }
}, 60_000);

afterAll(async () => {
  for (const index of indexes) index.dispose();
  await cleanup();
});

const rows = (...kinds: ParaphrasedConversation["kind"][]) => ranked.filter((row) => kinds.includes(row.conversation.kind));

/** The measurement behind PROBLEM_MEANING_LINK_THRESHOLD, kept true: see its comment. */
describe("the fused (meaning and words) problem link threshold on generated conversations", () => {
  it("links no unrelated conversation or near miss, and keeps a margin below the threshold", () => {
    const unrelated = rows("unrelated", "near miss", "worded unrelated");
    expect(unrelated.length).toBeGreaterThanOrEqual(100);
    for (const { conversation, matches } of unrelated)
      expect(
        matches.filter((match) => match.link),
        conversation.title,
      ).toEqual([]);
    expect(Math.max(...unrelated.map(({ matches }) => matches[0]?.score ?? 0))).toBeLessThan(PROBLEM_MEANING_LINK_THRESHOLD);
  });

  it("links conversations that share no word with their problem by meaning, only to their own, and suggests the rest", () => {
    const paraphrases = rows("paraphrase");
    for (const { words } of paraphrases) expect(words.filter((match) => match.link || match.suggest)).toEqual([]); // words alone see nothing
    const linked = paraphrases.filter(({ matches }) => matches[0]?.link);
    for (const { conversation, matches } of linked) expect(matches[0]?.name).toBe(conversation.about);
    expect(linked.length / paraphrases.length).toBeGreaterThanOrEqual(0.85);
    for (const { conversation, matches } of paraphrases.filter(({ matches }) => !matches[0]?.link)) {
      expect(matches[0]).toMatchObject({ name: conversation.about, suggest: true });
    }
  });

  it("suggests nothing for conversations on subjects no problem has", () => {
    for (const { conversation, matches } of rows("unrelated"))
      expect(
        matches.filter((match) => match.suggest),
        conversation.title,
      ).toEqual([]);
  });

  it("keeps what words alone link: a model only adds links", () => {
    const worded = rows("worded");
    const byWords = worded.filter(({ words }) => words[0]?.link).length;
    const fused = worded.filter(({ matches }) => matches[0]?.link);
    for (const { conversation, matches } of fused) expect(matches[0]?.name).toBe(conversation.about);
    expect(fused.length).toBeGreaterThanOrEqual(byWords);
    expect(fused.length / worded.length).toBeGreaterThanOrEqual(0.9);
  });
});
