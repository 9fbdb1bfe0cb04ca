import { describe, expect, it } from "vitest";
import { PROBLEM_LINK_THRESHOLD, ProblemMatcher } from "../../../src/core/chats/conversation-problem";
import { generatedConversations, TOPIC_PROBLEMS } from "../../support/conversation-topics";

/** The measurement behind PROBLEM_LINK_THRESHOLD, kept true: see its comment. */
describe("the problem link threshold on generated conversations", () => {
  const matcher = new ProblemMatcher(TOPIC_PROBLEMS.map((problem) => ({ name: problem.name, text: problem.description })));
  const ranked = generatedConversations(5).map((generated) => ({
    about: generated.about,
    matches: matcher.rank(`${generated.title}\n${generated.messages.map((message) => message.text).join("\n")}`),
  }));

  it("links no unrelated conversation or near miss to any problem", () => {
    const unrelated = ranked.filter((conversation) => conversation.about === null);
    expect(unrelated.length).toBeGreaterThanOrEqual(40);
    for (const { matches } of unrelated) expect(matches.filter((match) => match.link)).toEqual([]);
    // The margin the threshold keeps over the best unrelated score.
    expect(Math.max(...unrelated.map(({ matches }) => matches[0]?.score ?? 0))).toBeLessThan(PROBLEM_LINK_THRESHOLD);
  });

  it("links nearly every on-topic conversation, and only ever to its own problem", () => {
    const onTopic = ranked.filter((conversation) => conversation.about !== null);
    const linked = onTopic.filter(({ matches }) => matches[0]?.link);
    for (const { about, matches } of linked) expect(matches[0]?.name).toBe(about);
    expect(linked.length / onTopic.length).toBeGreaterThanOrEqual(0.9);
  });

  it("does not link when two problems score alike: it is not clearly about one", () => {
    const twins = new ProblemMatcher([
      { name: "Cache A", text: "redis cache eviction latency" },
      { name: "Cache B", text: "redis cache eviction latency" },
    ]);
    const [best] = twins.rank("Why is the redis cache eviction making latency worse?");
    expect(best?.score).toBeGreaterThan(PROBLEM_LINK_THRESHOLD);
    expect(best?.link).toBe(false);
  });
});
