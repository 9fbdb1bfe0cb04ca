import { describe, expect, it } from "vitest";
import { composeNote, parseNote } from "../../../src/core/codec/frontmatter";
import { SUMMARY_MAX_CHARS } from "../../../src/core/chats/conversation-summary";
import { conversationBody, conversationProperties } from "../../../src/core/chats/conversation-note";
import { enrichConversations } from "../../../src/core/chats/enrich-conversations";
import { importChats } from "../../../src/core/chats/import-chats";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { byteChunks, chatGptConversation, claudeConversation, type FakeMessage } from "../../support/chat-exports";
import { generatedConversations, TOPIC_PROBLEMS } from "../../support/conversation-topics";
import { MemoryNoteRepository } from "../../support/memory-note-repository";

const NOW = new Date("2026-11-25T01:00:00Z");
const run = (repo: MemoryNoteRepository, text: string) =>
  importChats(repo, DEFAULT_SETTINGS, byteChunks(text, 4096), { now: NOW, yieldToUi: () => Promise.resolve() });

/** A vault with the generated problems and one meta-skill. */
function vaultWithProblems(): MemoryNoteRepository {
  const repo = new MemoryNoteRepository();
  for (const problem of TOPIC_PROBLEMS) {
    repo.files.set(
      `LifeBetter/Problems/${problem.name}.md`,
      composeNote({ kind: "problem", status: "active" }, `${problem.description}\n\n## Milestones\n\n- [ ] First step\n`),
    );
  }
  repo.files.set(
    "LifeBetter/Meta-skills/Rubber duck debugging.md",
    composeNote({ kind: "meta-skill", source: "learned" }, "## What it is\n\nExplain the code aloud.\n"),
  );
  return repo;
}

function note(repo: MemoryNoteRepository, path: string): { properties: Record<string, unknown>; body: string } {
  const parsed = parseNote(repo.files.get(path) ?? "");
  if (!parsed.ok) throw new Error(`${path}: ${parsed.problem}`);
  return { properties: parsed.properties, body: parsed.parts.body };
}

const CACHE_TALK: FakeMessage[] = [
  { role: "user", text: "Why does our API server cache keep missing under load?" },
  {
    role: "assistant",
    text: "A low hit rate usually comes from a TTL that is too short or from eviction under memory pressure.\n\n```ts\nredis.set(key, value, 'EX', 5);\n```\n\n- Raise the TTL for stable responses.\n- Watch the eviction count in Redis; if it climbs, the cache is too small.",
  },
  { role: "user", text: "Should I try rubber duck debugging on the cache code first, or measure latency?" },
  { role: "assistant", text: "Measure latency and the hit rate first. Then rubber duck debugging helps to find why keys expire early." },
];

describe("conversation memory on import", () => {
  it("links a conversation about an existing problem, writes a short summary, its meta-skills and its question entries", async () => {
    const repo = vaultWithProblems();
    const report = await run(repo, JSON.stringify([chatGptConversation("cache-1", "Cache misses", CACHE_TALK)]));
    const [path] = report.created;
    const conversation = note(repo, path ?? "");
    expect(conversation.properties.problem).toBe("[[Slow API cache]]");
    const summary = String(conversation.properties.summary);
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    expect(summary).toContain("Why does our API server cache keep missing under load?"); // the first question
    expect(summary).not.toContain("redis.set"); // code is not a sentence of the answer
    expect(summary).toMatch(/hit rate|TTL|eviction/);
    expect(conversation.properties.meta_skills).toEqual(["[[Rubber duck debugging]]"]);
    const questions = [...repo.files.keys()].filter((file) => file.startsWith("LifeBetter/Entries/"));
    expect(questions).toHaveLength(2);
    expect([...(conversation.properties.insights as string[])].sort()).toEqual(
      questions.map((file) => `[[${file.slice("LifeBetter/Entries/".length, -3)}]]`).sort(),
    );
    expect(report.memory).toMatchObject({ summaries: 1, problems: 1 });
  });

  it("gives unrelated conversations and near misses no problem, only a summary", async () => {
    const repo = vaultWithProblems();
    const unrelated = generatedConversations(2).filter((generated) => generated.about === null);
    const report = await run(repo, JSON.stringify(unrelated.map((generated, index) => claudeConversation(`u-${index}`, generated.title, generated.messages))));
    expect(report.created).toHaveLength(unrelated.length);
    for (const path of report.created) {
      const { properties } = note(repo, path);
      expect(properties.problem, path).toBeUndefined();
      expect(String(properties.summary).length).toBeGreaterThan(0);
    }
    expect(report.memory?.problems).toBe(0);
  });

  it("offers a conversation that is only partly about a problem as a suggestion, and writes nothing for it", async () => {
    const repo = vaultWithProblems();
    const talk: FakeMessage[] = [
      { role: "user", text: "What should I cook for the birthday party with the guests and cake?" },
      { role: "assistant", text: "A cake, balloons and invitations. Keep the groceries in the budget and check the spending afterwards." },
    ];
    const report = await run(repo, JSON.stringify([claudeConversation("p-1", "Party", talk)]));
    const { properties } = note(repo, report.created[0] ?? "");
    expect(properties.problem).toBeUndefined();
    expect(report.memory?.suggestions).toEqual([expect.objectContaining({ path: report.created[0], problem: "Monthly budget" })]);
  });
});

describe("enrich-chats on conversations imported before", () => {
  /** A conversation note as an import without memory wrote it, and its question entries. */
  function oldVault(): { repo: MemoryNoteRepository; path: string } {
    const repo = vaultWithProblems();
    const path = "LifeBetter/Conversations/2026-01-05 Cache misses.md";
    const conversation = {
      platform: "chatgpt" as const,
      sourceId: "old",
      title: "Cache misses",
      created: new Date("2026-01-05T09:00:00Z"),
      updated: null,
      messages: CACHE_TALK.map((message, index) => ({ ...message, time: null, sourceId: `m${index}` })),
    };
    repo.files.set(path, composeNote(conversationProperties(conversation, "9b2f3c1a-1111-4222-8333-444455556666", NOW), conversationBody(conversation)));
    repo.files.set("LifeBetter/Entries/Why cache.md", composeNote({ kind: "entry", type: "question", conversation: "[[2026-01-05 Cache misses]]" }, "Why?\n"));
    repo.files.set("LifeBetter/Entries/Unrelated.md", composeNote({ kind: "entry", type: "question" }, "Other\n"));
    return { repo, path };
  }

  it("fills summary, problem, meta-skills and insights, never touching the body; a second run changes nothing", async () => {
    const { repo, path } = oldVault();
    const bodyBefore = note(repo, path).body;
    const first = await enrichConversations(repo, DEFAULT_SETTINGS, { now: new Date("2026-12-01T10:00:00Z") });
    expect(first.updated).toEqual([path]);
    const after = note(repo, path);
    expect(after.body).toBe(bodyBefore);
    expect(after.properties.updated).toBe("2026-12-01T10:00:00Z");
    expect(after.properties).toMatchObject({ problem: "[[Slow API cache]]", meta_skills: ["[[Rubber duck debugging]]"], insights: ["[[Why cache]]"] });
    expect(String(after.properties.summary)).toContain("Why does our API server cache keep missing under load?");
    const files = new Map(repo.files);
    const second = await enrichConversations(repo, DEFAULT_SETTINGS);
    expect(second.updated).toEqual([]);
    expect(repo.files).toEqual(files);
  });

  it("keeps a summary and a problem the person wrote, and still adds the links", async () => {
    const { repo, path } = oldVault();
    await repo.updateProperties(path, (properties) => {
      properties.summary = "My own words.";
      properties.problem = "[[Learn Spanish]]";
    });
    await enrichConversations(repo, DEFAULT_SETTINGS);
    expect(note(repo, path).properties).toMatchObject({ summary: "My own words.", problem: "[[Learn Spanish]]", insights: ["[[Why cache]]"] });
  });

  it("reads messages back from the fenced blocks, even ones holding headings, fences and Templater tags", async () => {
    const repo = new MemoryNoteRepository();
    const tricky: FakeMessage[] = [
      { role: "user", text: "How do I render <% tp.date.now() %> in a template?\n## Not a heading\n```js\nx\n```" },
      { role: "assistant", text: "Use a Templater command. The <% tag %> runs when the template is applied." },
    ];
    const report = await run(repo, JSON.stringify([claudeConversation("t-1", "Templates", tricky)]));
    const summary = String(note(repo, report.created[0] ?? "").properties.summary);
    expect(summary).toContain("How do I render <% tp.date.now() %> in a template?");
    expect(summary).toContain("Templater command");
    expect(summary).not.toContain("\u2060");
  });
});
