import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { parseNote } from "../../../src/core/codec/frontmatter";
import { importChats } from "../../../src/core/chats/import-chats";
import { isRecordKind } from "../../../src/core/schema/kinds";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { importPathProblem } from "../../../src/core/transfer/import-path";
import { byteChunks, chatGptConversation, claudeConversation, dialogue } from "../../support/chat-exports";
import { MemoryNoteRepository } from "../../support/memory-note-repository";

const runs: Record<string, number> = {};
const count = (name: string): void => void (runs[name] = (runs[name] ?? 0) + 1);
afterAll(() => console.log(`chat import fuzz runs: ${JSON.stringify(runs)}`));

const NOW = new Date("2026-11-25T01:00:00Z");
const run = (repo: MemoryNoteRepository, text: string, chunk: number) =>
  importChats(repo, DEFAULT_SETTINGS, byteChunks(text, chunk), { now: NOW, yieldToUi: () => Promise.resolve() });

const EXPORT = JSON.stringify([
  chatGptConversation("g1", "First", dialogue(4)),
  claudeConversation("c1", "Second", dialogue(3, "deploy")),
  chatGptConversation("g2", "Third: with/slashes?", dialogue(2, "tests"), { branch: true }),
  claudeConversation("c2", "Fourth", dialogue(5, "sleep")),
]);

/** Every note written is a parseable LifeBetter record at a safe path. */
function expectSound(repo: MemoryNoteRepository): void {
  for (const [path, text] of repo.files) {
    expect(importPathProblem(path)).toBeNull();
    const parsed = parseNote(text);
    expect(parsed.ok && isRecordKind(parsed.properties.kind)).toBe(true);
  }
}

describe("fuzzing the chat importer", () => {
  it("a file cut anywhere: a clear message, sound notes, and importing the whole file afterwards completes it without duplicates", async () => {
    const whole = new MemoryNoteRepository();
    await run(whole, EXPORT, 4096);
    const expected = [...whole.files.keys()].sort();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: EXPORT.length - 1 }), fc.integer({ min: 1, max: 5000 }), async (cut, chunk) => {
        count("truncated");
        const repo = new MemoryNoteRepository();
        const report = await run(repo, EXPORT.slice(0, cut), chunk);
        expect(report.stopped).toMatch(/not complete JSON|empty/);
        expectSound(repo);
        await run(repo, EXPORT, chunk);
        expect([...repo.files.keys()].sort()).toEqual(expected);
      }),
      { numRuns: 300, seed: 21 },
    );
  });

  it("wrong shapes anywhere: no throw, problems reported per conversation, only sound notes written", async () => {
    const shaped = fc.oneof(
      fc.jsonValue(),
      fc.record({ mapping: fc.jsonValue(), current_node: fc.jsonValue(), id: fc.oneof(fc.string(), fc.jsonValue()), title: fc.jsonValue() }),
      fc.record({
        uuid: fc.oneof(fc.string(), fc.jsonValue()),
        name: fc.jsonValue(),
        chat_messages: fc.array(fc.record({ sender: fc.constantFrom("human", "assistant", "x"), text: fc.jsonValue(), created_at: fc.jsonValue() })),
      }),
      fc.constant(chatGptConversation("ok", "Fine", dialogue(2))),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.array(shaped, { maxLength: 6 }), fc.jsonValue()), fc.integer({ min: 1, max: 300 }), async (data, chunk) => {
        count("wrong shapes");
        const repo = new MemoryNoteRepository();
        const report = await run(repo, JSON.stringify(data) ?? "", chunk);
        for (const problem of report.problems) expect(problem.reason).toMatch(/^Conversation \d+ /);
        expectSound(repo);
      }),
      { numRuns: 400, seed: 22 },
    );
  });

  it("a ChatGPT node tree with a cycle or a dangling current node does not hang", async () => {
    const conversation = chatGptConversation("cyc", "Cycle", dialogue(3));
    const mapping = conversation.mapping as Record<string, { parent: string | null }>;
    const root = mapping["cyc-root"];
    if (root) root.parent = "cyc-m2"; // the root points back at the leaf
    const repo = new MemoryNoteRepository();
    const report = await run(
      repo,
      JSON.stringify([conversation, { ...chatGptConversation("dangling", "Dangling", dialogue(2)), current_node: "nowhere" }]),
      1000,
    );
    expect(report.conversations.created).toBe(2);
  });

  it("a 10,000-message conversation becomes one note with every message", async () => {
    const repo = new MemoryNoteRepository();
    const report = await run(repo, JSON.stringify([chatGptConversation("big", "Long one", dialogue(10_000))]), 65536);
    count("10k messages");
    expect(report.conversations.created).toBe(1);
    const [path, text] = [...repo.files].find(([p]) => p.startsWith("LifeBetter/Conversations/")) ?? ["", ""];
    expect(path).toBe("LifeBetter/Conversations/2026-01-05 Long one.md");
    const parsed = parseNote(text);
    expect(parsed.ok && parsed.properties.messages).toBe(10_000);
    expect(text.match(/^## (You|ChatGPT) · /gm)).toHaveLength(10_000);
    expect(report.questions).toBe(5_000);
  });
});
