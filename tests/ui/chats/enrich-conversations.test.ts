import { beforeEach, describe, expect, it } from "vitest";
import { ObsidianNoteRepository } from "../../../src/adapters/obsidian/obsidian-repository";
import { composeNote, parseNote } from "../../../src/core/codec/frontmatter";
import { conversationBody } from "../../../src/core/chats/conversation-note";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { enrichImportedConversations, withProblemMeaning } from "../../../src/ui/chats/chat-import";
import type { IndexQueries } from "../../../src/ui/plugin-context";
import { indexAccess } from "../../support/index-access";
import { makeApp, notices, resetNotices } from "../../support/obsidian-shims";
import { memoryFixture } from "../index/memory-fixtures";

beforeEach(() => resetNotices());

const CONVERSATION = "LifeBetter/Conversations/2026-01-05 Budget help.md";
const NEAR = "LifeBetter/Conversations/2026-01-06 Party food.md";

function conversationNote(title: string, messages: { role: "user" | "assistant"; text: string }[]): string {
  const body = conversationBody({
    platform: "chatgpt",
    sourceId: title,
    title,
    created: null,
    updated: null,
    messages: messages.map((message, index) => ({ ...message, time: null, sourceId: String(index) })),
  });
  return composeNote({ kind: "conversation", platform: "chatgpt", messages: messages.length, source: "import" }, body);
}

describe("Enrich imported conversations", () => {
  it("writes the memory through Obsidian, says what it did, and shows a likely problem as a suggestion", async () => {
    const { app } = makeApp({
      "LifeBetter/Problems/Monthly budget.md": composeNote(
        { kind: "problem", status: "active" },
        "Get spending under control with a monthly budget, savings goal and fewer subscriptions.\n",
      ),
      [CONVERSATION]: conversationNote("Budget help", [
        { role: "user", text: "How do I make a monthly budget that cuts my spending on subscriptions?" },
        { role: "assistant", text: "List every subscription, cancel the ones you forgot, and move the savings to a separate account each month." },
      ]),
      [NEAR]: conversationNote("Party food", [
        { role: "user", text: "What should I cook for the birthday party with the guests and cake?" },
        { role: "assistant", text: "A cake, balloons and invitations. Keep the groceries in the budget and check the spending afterwards." },
      ]),
    });
    const repo = new ObsidianNoteRepository(app);
    const report = await enrichImportedConversations({ app, repo, settings: () => DEFAULT_SETTINGS });
    expect(report?.problems).toBe(1);
    const parsed = parseNote(await repo.read(CONVERSATION));
    expect(parsed.ok && parsed.properties.problem).toBe("[[Monthly budget]]");
    const texts = notices.map((notice) => notice.text);
    expect(texts).toContain("Enriched 2 of 2 conversations: 2 summaries, 1 problem linked, 0 meta-skill links, 0 insight links.");
    expect(texts.some((text) => text.includes(`${NEAR} may be about [[Monthly budget]]`))).toBe(true);
    const near = parseNote(await repo.read(NEAR));
    expect(near.ok && near.properties.problem).toBeUndefined();
  });

  it("asks the search index how close each conversation is in meaning to the problems, and links by it", async () => {
    const PROBLEM = "LifeBetter/Problems/Slow editor.md";
    const SLUGGISH = "LifeBetter/Conversations/2026-01-07 Sluggish documents.md";
    const { app } = makeApp({
      [PROBLEM]: composeNote({ kind: "problem", status: "active" }, "The editor is slow: editing a long page has poor performance.\n"),
      "LifeBetter/Problems/Running habit.md": composeNote(
        { kind: "problem", status: "active" },
        "Build a running habit: exercise every morning as a routine.\n",
      ),
      [SLUGGISH]: conversationNote("Sluggish documents", [{ role: "user", text: "Why does modifying a document lag and freeze?" }]),
    });
    const repo = new ObsidianNoteRepository(app);
    const asked: string[] = [];
    const problemMeaning = (text: string) => {
      asked.push(text);
      return Promise.resolve({ [PROBLEM]: 0.8, "LifeBetter/Problems/Running habit.md": 0.05 });
    };
    const report = await enrichImportedConversations({ app, repo, settings: () => DEFAULT_SETTINGS, problemMeaning });
    expect(asked).toEqual(["Sluggish documents\nWhy does modifying a document lag and freeze?"]); // the title and the person's questions
    expect(report).toMatchObject({ problems: 1, byMeaning: 1 });
    const parsed = parseNote(await repo.read(SLUGGISH));
    expect(parsed.ok && parsed.properties.problem).toBe("[[Slow editor]]");
    expect(notices.map((notice) => notice.text).some((text) => text.includes("matched by meaning and words for 1 conversation"))).toBe(true);
  });

  it("gets the meaning scores from the index worker, as the plugin's commands do", async () => {
    const fixture = await memoryFixture({
      notes: {
        "LifeBetter/Problems/Cache misses.md": composeNote({ kind: "problem", status: "active" }, "The redis cache evicts keys under load.\n"),
        "LifeBetter/Problems/Sleep.md": composeNote({ kind: "problem", status: "active" }, "I go to bed too late and wake up tired.\n"),
        [CONVERSATION]: conversationNote("Budget help", [{ role: "user", text: "Why does redis evict keys?" }]),
      },
    });
    const asked: Record<string, number>[] = [];
    const report = await enrichImportedConversations({
      app: fixture.app,
      repo: fixture.host.repo,
      settings: () => DEFAULT_SETTINGS,
      problemMeaning: async (text) => {
        const scores = await fixture.client.problemMeaning(text);
        if (scores) asked.push(scores);
        return scores;
      },
    });
    expect(asked).toHaveLength(1);
    expect(Object.keys(asked[0] ?? {}).sort()).toEqual(["LifeBetter/Problems/Cache misses.md", "LifeBetter/Problems/Sleep.md"]);
    expect(report?.byMeaning).toBe(1);
  });

  it("asks the plugin's index for meaning only once it is ready, and goes by words before", async () => {
    let state: "building" | "ready" = "building";
    const asked: string[] = [];
    const queries = { problemMeaning: async (text: string) => (asked.push(text), { "LifeBetter/Problems/Sleep.md": 0.9 }) } as unknown as IndexQueries;
    const { app } = makeApp({});
    const context = withProblemMeaning({
      app,
      repo: new ObsidianNoteRepository(app),
      settings: () => DEFAULT_SETTINGS,
      index: indexAccess<IndexQueries>(() => (state === "ready" ? { state: "ready", queries } : { state: "building" })),
    });
    expect(await context.problemMeaning?.("while building")).toBeNull();
    state = "ready";
    expect(await context.problemMeaning?.("once ready")).toEqual({ "LifeBetter/Problems/Sleep.md": 0.9 });
    expect(asked).toEqual(["once ready"]);
  });
});
