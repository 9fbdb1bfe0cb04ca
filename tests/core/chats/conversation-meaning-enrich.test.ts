import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadNodeEmbedder } from "../../../src/adapters/node/node-embedder";
import { composeNote, parseNote } from "../../../src/core/codec/frontmatter";
import { conversationBody } from "../../../src/core/chats/conversation-note";
import { enrichConversations } from "../../../src/core/chats/enrich-conversations";
import type { Embedder } from "../../../src/core/embed/embedder";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import type { FakeMessage } from "../../support/chat-exports";
import { memoryIndex } from "../../support/index-fixtures";
import { MemoryNoteRepository } from "../../support/memory-note-repository";
import { MemoryVault } from "../../support/memory-vault";
import { tempStaticModel } from "../../support/models/temp-models";
import { PARAPHRASED_PROBLEMS } from "../../support/paraphrased-problems";

const PARAPHRASE = "LifeBetter/Conversations/2026-01-05 Sluggish documents.md";
const UNRELATED = "LifeBetter/Conversations/2026-01-06 Garden.md";

/** About "Slow editor" ("The editor is slow: editing a long page has poor performance.") in other words: only the common words "long" and "poor" are shared. */
const PARAPHRASE_TALK: FakeMessage[] = [
  { role: "user", text: "Why does modifying a long document lag and freeze?" },
  { role: "assistant", text: "Large documents make every modification sluggish. Split them into smaller documents." },
  { role: "user", text: "Is such poor responsiveness normal for long documents?" },
  { role: "assistant", text: "Yes, with long documents it is poor; split them." },
];
const UNRELATED_TALK: FakeMessage[] = [
  { role: "user", text: "Which trees suit a small garden in the valley?" },
  { role: "assistant", text: "Fruit trees and a hedge suit a garden there; a mountain ash gives shade." },
];

function conversationNote(title: string, messages: FakeMessage[]): string {
  const body = conversationBody({
    platform: "claude",
    sourceId: title,
    title,
    created: null,
    updated: null,
    messages: messages.map((message, index) => ({ ...message, time: null, sourceId: String(index) })),
  });
  return composeNote({ kind: "conversation", platform: "claude", messages: messages.length, source: "import" }, body);
}

function problemNotes(): Record<string, string> {
  return Object.fromEntries(
    PARAPHRASED_PROBLEMS.map((problem) => [
      `LifeBetter/Problems/${problem.name}.md`,
      composeNote({ kind: "problem", status: "active" }, `${problem.description}\n`),
    ]),
  );
}

function vault(): MemoryNoteRepository {
  return new MemoryNoteRepository({
    ...problemNotes(),
    [PARAPHRASE]: conversationNote("Sluggish documents", PARAPHRASE_TALK),
    [UNRELATED]: conversationNote("Garden", UNRELATED_TALK),
  });
}

function problemOf(repo: MemoryNoteRepository, path: string): unknown {
  const parsed = parseNote(repo.files.get(path) ?? "");
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.properties.problem;
}

let embedder: Embedder;
let cleanup: () => Promise<void> = () => Promise.resolve();
beforeAll(async () => {
  const model = await tempStaticModel();
  cleanup = model.cleanup;
  const load = await loadNodeEmbedder({ model: model.folder });
  if (!load.ok) throw new Error(load.unavailable.reason);
  embedder = load.embedder;
}, 30_000);
afterAll(() => cleanup());

describe("a conversation's problem by meaning and words", () => {
  it("links a conversation that says what a problem is in other words when the index has vectors", async () => {
    const repo = vault();
    const index = memoryIndex(new MemoryVault(problemNotes()), embedder);
    await index.open();
    const report = await enrichConversations(repo, DEFAULT_SETTINGS, { meaning: (text) => index.problemMeaning(text) });
    index.dispose();
    expect(problemOf(repo, PARAPHRASE)).toBe("[[Slow editor]]");
    expect(problemOf(repo, UNRELATED)).toBeUndefined();
    expect(report).toMatchObject({ problems: 1, byMeaning: 2, suggestions: [] });
  });

  it("only suggests it by words without vectors, and writes nothing", async () => {
    const repo = vault();
    const report = await enrichConversations(repo, DEFAULT_SETTINGS);
    expect(problemOf(repo, PARAPHRASE)).toBeUndefined();
    expect(problemOf(repo, UNRELATED)).toBeUndefined();
    expect(report.byMeaning).toBe(0);
    expect(report.suggestions).toEqual([expect.objectContaining({ path: PARAPHRASE, problem: "Slow editor" })]);
  });

  it("goes by words when the index has no vectors (no model) or fails", async () => {
    const noModel = memoryIndex(new MemoryVault(problemNotes()), null);
    await noModel.open();
    const repo = vault();
    const report = await enrichConversations(repo, DEFAULT_SETTINGS, { meaning: (text) => noModel.problemMeaning(text) });
    noModel.dispose();
    expect(report).toMatchObject({ problems: 0, byMeaning: 0 });
    const failing = await enrichConversations(vault(), DEFAULT_SETTINGS, { meaning: () => Promise.reject(new Error("the index worker stopped")) });
    expect(failing.failed).toEqual([]);
    expect(failing.suggestions).toEqual([expect.objectContaining({ path: PARAPHRASE, problem: "Slow editor" })]);
  });
});
