import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseNote } from "../../../src/core/codec/frontmatter";
import { importChats } from "../../../src/core/chats/import-chats";
import { isRecordKind } from "../../../src/core/schema/kinds";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { importPathProblem } from "../../../src/core/transfer/import-path";
import { byteChunks } from "../../support/chat-exports";
import { claudeCodeLines, claudeCodeTranscript, codingSession } from "../../support/claude-code-transcripts";
import { MemoryNoteRepository } from "../../support/memory-note-repository";

const NOW = new Date("2026-11-25T01:00:00Z");
const run = (repo: MemoryNoteRepository, text: string, chunk: number) =>
  importChats(repo, DEFAULT_SETTINGS, byteChunks(text, chunk), { now: NOW, yieldToUi: () => Promise.resolve() });

function expectSound(repo: MemoryNoteRepository): void {
  for (const [path, text] of repo.files) {
    expect(importPathProblem(path)).toBeNull();
    const parsed = parseNote(text);
    expect(parsed.ok && isRecordKind(parsed.properties.kind)).toBe(true);
  }
}

const TRANSCRIPT = claudeCodeTranscript([{ prompt: "Ünïcode prompt — what breaks? 🚀" }, ...codingSession(3, "ledger")], {
  sessionId: "fuzz-session",
  summary: "Ledger: fix/rounding?",
  abandonedBranch: true,
  compactAfter: 4,
  noise: true,
});

describe("fuzzing the Claude Code transcript importer", () => {
  it("any chunk size (splitting lines and multi-byte characters) gives the same notes", async () => {
    const reference = new MemoryNoteRepository();
    await run(reference, TRANSCRIPT, 1 << 16);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3000 }), async (chunk) => {
        const repo = new MemoryNoteRepository();
        await run(repo, TRANSCRIPT, chunk);
        expect(new Map(repo.files)).toEqual(new Map(reference.files));
      }),
      { numRuns: 60, seed: 31 },
    );
  });

  it("lines of wrong shapes anywhere: no throw, no hang, only sound notes", async () => {
    const base = claudeCodeLines(codingSession(2), { sessionId: "shapes" });
    const line = fc.oneof(
      fc.jsonValue(),
      fc.record({
        type: fc.constantFrom("user", "assistant", "system", "summary", "x"),
        uuid: fc.oneof(fc.constantFrom("shapes-1", "shapes-3", "loop"), fc.string()),
        parentUuid: fc.oneof(fc.constantFrom("loop", "shapes-2", null), fc.jsonValue()),
        sessionId: fc.jsonValue(),
        message: fc.jsonValue(),
        timestamp: fc.jsonValue(),
      }),
      fc.record({
        type: fc.constant("assistant"),
        uuid: fc.constant("loop"),
        parentUuid: fc.constant("loop"),
        sessionId: fc.constant("shapes"),
        message: fc.record({
          content: fc.array(fc.record({ type: fc.constantFrom("text", "tool_use"), text: fc.jsonValue(), name: fc.jsonValue(), input: fc.jsonValue() })),
        }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 1, max: base.length }), line), { maxLength: 8 }),
        fc.integer({ min: 1, max: 400 }),
        async (inserts, chunk) => {
          // After the first line: a file that starts with "[" is a conversations.json list by definition.
          const lines: unknown[] = [...base];
          for (const [at, extra] of inserts) lines.splice(at, 0, extra);
          const repo = new MemoryNoteRepository();
          const report = await run(repo, lines.map((l) => JSON.stringify(l) ?? "null").join("\n") + "\n", chunk);
          expect(report.conversations.created + report.conversations.failed).toBeLessThanOrEqual(1);
          expectSound(repo);
        },
      ),
      { numRuns: 300, seed: 32 },
    );
  });

  it("a 20,000-line session becomes one note with every prompt", async () => {
    const repo = new MemoryNoteRepository();
    const report = await run(repo, claudeCodeTranscript(codingSession(2_500), { sessionId: "long" }), 65536);
    expect(report.conversations.created).toBe(1);
    const text = [...repo.files].find(([p]) => p.startsWith("LifeBetter/Conversations/"))?.[1] ?? "";
    expect(text.match(/^## You · /gm)).toHaveLength(2_500);
    expect(report.questions).toBe(1_250);
  });
});
