import { describe, expect, it } from "vitest";
import { parseNote } from "../../../src/core/codec/frontmatter";
import { importChats } from "../../../src/core/chats/import-chats";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { byteChunks, chatGptConversation, claudeConversation, dialogue } from "../../support/chat-exports";
import { MemoryNoteRepository } from "../../support/memory-note-repository";

const NOW = new Date("2026-11-25T01:00:00Z");
const run = (repo: MemoryNoteRepository, text: string, chunk = 4096) =>
  importChats(repo, DEFAULT_SETTINGS, byteChunks(text, chunk), { now: NOW, yieldToUi: () => Promise.resolve() });

function notes(repo: MemoryNoteRepository, folder: string): { path: string; properties: Record<string, unknown>; body: string }[] {
  return [...repo.files]
    .filter(([path]) => path.startsWith(folder + "/"))
    .map(([path, text]) => {
      const parsed = parseNote(text);
      if (!parsed.ok) throw new Error(`${path}: ${parsed.problem}`);
      return { path, properties: parsed.properties, body: parsed.parts.body };
    });
}

describe("importing a ChatGPT export", () => {
  const text = JSON.stringify([
    chatGptConversation("conv-1", "Fixing the cache", dialogue(4), { branch: true }),
    chatGptConversation("conv-2", "Plans: weekend/trip?", [
      { role: "user", text: "Let's plan the weekend." },
      { role: "assistant", text: "Sure." },
    ]),
  ]);

  it("makes a conversation note per conversation with the main thread, and question entries linked to it", async () => {
    const repo = new MemoryNoteRepository();
    const report = await run(repo, text);
    expect(report.conversations).toEqual({ created: 2, alreadyImported: 0, failed: 0 });
    expect(report.stopped).toBeNull();
    const conversations = notes(repo, "LifeBetter/Conversations");
    expect(conversations.map((c) => c.path).sort()).toEqual([
      "LifeBetter/Conversations/2026-01-05 Fixing the cache.md",
      "LifeBetter/Conversations/2026-01-05 Plans weekend trip.md",
    ]);
    const cache = conversations.find((c) => c.path.includes("Fixing"));
    expect(cache?.properties).toMatchObject({ kind: "conversation", platform: "chatgpt", messages: 4, source_id: "conv-1" });
    expect(`${String(cache?.properties.started)} ${String(cache?.properties.ended)}`).toMatch(/^2026-01-05T\S+ 2026-01-05T/);
    expect(cache?.body).toContain("## You · ");
    expect(cache?.body).toContain("## ChatGPT · ");
    expect(cache?.body).toContain("How do I fix the caching problem, step 1?");
    expect(cache?.body).not.toContain("An edit I abandoned"); // a branch off the main thread
    const questions = notes(repo, "LifeBetter/Entries");
    expect(questions).toHaveLength(2); // two questions in conv-1; "Let's plan the weekend." is not one
    for (const question of questions) {
      expect(question.properties).toMatchObject({ kind: "entry", type: "question", source: "import", conversation: "[[2026-01-05 Fixing the cache]]" });
    }
    expect(report.questions).toBe(2);
  });

  it("importing the same export again creates nothing", async () => {
    const repo = new MemoryNoteRepository();
    await run(repo, text);
    const before = new Map(repo.files);
    const again = await run(repo, text, 333);
    expect(again.conversations).toEqual({ created: 0, alreadyImported: 2, failed: 0 });
    expect(again.questions).toBe(0);
    expect(repo.files).toEqual(before);
  });

  it("gives the same notes whatever the chunk sizes, even when a chunk splits a multi-byte character", async () => {
    const unicode = JSON.stringify([chatGptConversation("u", "Ünïcödé 日本語 🙂", [{ role: "user", text: "Warum ist 日本語 schwer? 🙂🙂" }])]);
    const a = new MemoryNoteRepository();
    const b = new MemoryNoteRepository();
    await run(a, unicode, 1);
    await run(b, unicode, 7);
    expect(a.files).toEqual(b.files);
    expect([...a.files.values()].join()).toContain("Warum ist 日本語 schwer? 🙂🙂");
  });
});

describe("importing a Claude export", () => {
  it("reads chat_messages in order, platform claude, and extracts the questions", async () => {
    const repo = new MemoryNoteRepository();
    const report = await run(repo, JSON.stringify([claudeConversation("c-1", "Debugging the build", dialogue(6, "build"))]));
    expect(report.platforms).toEqual({ claude: 1 });
    const [conversation] = notes(repo, "LifeBetter/Conversations");
    expect(conversation?.properties).toMatchObject({ platform: "claude", messages: 6, source_id: "c-1" });
    expect(conversation?.body.indexOf("step 1?")).toBeLessThan(conversation?.body.indexOf("step 2?") ?? 0);
    expect(conversation?.body).toContain("## Claude · ");
    expect(notes(repo, "LifeBetter/Entries")).toHaveLength(3);
  });
});

describe("bad chat exports", () => {
  it.each([
    ['{"conversations": []}', /should be a JSON list/],
    ["", /empty/],
    ['[{"mapping": {}, "id": "x", "current_node": "y"', /not complete JSON/],
  ])("%j ends with a clear message and no throw", async (text, message) => {
    const report = await run(new MemoryNoteRepository(), text);
    expect(report.stopped).toMatch(message);
  });

  it("reports a conversation of an unknown shape and imports the others", async () => {
    const repo = new MemoryNoteRepository();
    const report = await run(repo, JSON.stringify([{ hello: 1 }, claudeConversation("c", "Fine", dialogue(2)), 7]));
    expect(report.conversations).toEqual({ created: 1, alreadyImported: 0, failed: 2 });
    expect(report.problems.map((p) => p.reason)).toEqual([
      expect.stringMatching(/Conversation 1 was skipped: it is neither/),
      expect.stringMatching(/Conversation 3 was skipped/),
    ]);
  });

  it("stops when cancelled and keeps what was imported", async () => {
    const repo = new MemoryNoteRepository();
    const controller = new AbortController();
    const text = JSON.stringify(Array.from({ length: 20 }, (_, i) => claudeConversation(`c${i}`, `Chat ${i}`, dialogue(2))));
    const report = await importChats(repo, DEFAULT_SETTINGS, byteChunks(text, 512), {
      signal: controller.signal,
      yieldToUi: () => Promise.resolve(),
      onProgress: (bytes) => {
        if (bytes > 2000) controller.abort();
      },
    });
    expect(report.cancelled).toBe(true);
    expect(report.conversations.created).toBeGreaterThan(0);
    expect(report.conversations.created).toBeLessThan(20);
    expect(notes(repo, "LifeBetter/Conversations")).toHaveLength(report.conversations.created);
  });
});
