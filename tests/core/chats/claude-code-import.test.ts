import { describe, expect, it } from "vitest";
import { parseNote } from "../../../src/core/codec/frontmatter";
import { importChats } from "../../../src/core/chats/import-chats";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { byteChunks, chatGptConversation, dialogue } from "../../support/chat-exports";
import { claudeCodeLines, claudeCodeTranscript, codingSession } from "../../support/claude-code-transcripts";
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

describe("importing a Claude Code transcript", () => {
  const text = claudeCodeTranscript(codingSession(3), {
    sessionId: "5f0c2b1e-session",
    summary: "Checkout total rounding fix",
    abandonedBranch: true,
    noise: true,
  });

  it("makes one conversation note: the prompts, each reply with its tool calls summarised, and question entries", async () => {
    const repo = new MemoryNoteRepository();
    const report = await run(repo, text);
    expect(report.stopped).toBeNull();
    expect(report.problems).toEqual([]);
    expect(report.conversations).toEqual({ created: 1, alreadyImported: 0, failed: 0 });
    expect(report.platforms).toEqual({ "claude-code": 1 });
    const [conversation, ...others] = notes(repo, "LifeBetter/Conversations");
    expect(others).toEqual([]);
    expect(conversation?.path).toBe("LifeBetter/Conversations/2026-03-09 Checkout total rounding fix.md");
    expect(conversation?.properties).toMatchObject({
      kind: "conversation",
      platform: "claude-code",
      messages: 6,
      source_id: "5f0c2b1e-session",
      source: "import",
    });
    const body = conversation?.body ?? "";
    expect(body.match(/^## You · /gm)).toHaveLength(3);
    expect(body.match(/^## Claude Code · /gm)).toHaveLength(3);
    // One reply: text, the tool calls as a list (the failed one said), text; the tool output is not copied.
    expect(body).toContain(
      "Let me look at the checkout code.\n\n- *Read*: `/home/ada/code/shop/src/checkout.ts`\n- *Bash*: `npm test -- checkout` (failed)\n\nThe checkout total rounds too early; step 1 fixes it.",
    );
    expect(body).not.toContain("export const total");
    // Left out: the rewound branch, a sub-agent's side chain, meta lines, the thinking of other line types.
    for (const absent of ["An idea I took back", "Abandoned answer", "Sub-agent", "Caveat:"]) expect(body).not.toContain(absent);
    expect(body.indexOf("step 1?")).toBeLessThan(body.indexOf("step 3?"));
    const questions = notes(repo, "LifeBetter/Entries");
    // Each question is written inert (a bare fenced block), as every imported message is.
    expect(questions.map((q) => q.body.trim()).sort()).toEqual([
      "```\nWhy does the checkout test fail, step 1?\n```",
      "```\nWhy does the checkout test fail, step 3?\n```",
    ]);
    expect(questions.every((q) => q.properties.conversation === "[[2026-03-09 Checkout total rounding fix]]")).toBe(true);
  });

  it("is idempotent, whatever the chunk size (lines and characters split across chunks)", async () => {
    const repo = new MemoryNoteRepository();
    await run(repo, text, 7);
    const before = new Map(repo.files);
    const again = await run(repo, text, 1);
    expect(again.conversations).toEqual({ created: 0, alreadyImported: 1, failed: 0 });
    expect(again.questions).toBe(0);
    expect(new Map(repo.files)).toEqual(before);
  });

  it("follows a compaction back to the start of the session", async () => {
    const repo = new MemoryNoteRepository();
    await run(repo, claudeCodeTranscript(codingSession(3, "cart"), { sessionId: "compacted", compactAfter: 2 }));
    const [conversation] = notes(repo, "LifeBetter/Conversations");
    expect(conversation?.properties.messages).toBe(6);
    expect(conversation?.body).toContain("step 1?");
    expect(conversation?.body).not.toContain("continued from a previous conversation");
    // Without a summary line the title is the first prompt.
    expect(conversation?.path).toBe("LifeBetter/Conversations/2026-03-09 Why does the cart test fail, step 1.md");
  });

  it("writes slash commands as typed and leaves out what nobody typed", async () => {
    const lines = claudeCodeLines([{ prompt: "Start" }, { reply: ["Ok."] }], { sessionId: "cmds" });
    const last = lines.at(-1) as { uuid: string };
    const extra = [
      {
        type: "user",
        uuid: "c1",
        parentUuid: last.uuid,
        sessionId: "cmds",
        timestamp: "2026-03-09T15:00:00Z",
        message: {
          role: "user",
          content: "<command-message>review is running…</command-message>\n<command-name>/review</command-name>\n<command-args>src/cart.ts</command-args>",
        },
      },
      {
        type: "user",
        uuid: "c2",
        parentUuid: "c1",
        sessionId: "cmds",
        timestamp: "2026-03-09T15:00:01Z",
        message: { role: "user", content: "<local-command-stdout>done</local-command-stdout>" },
      },
      {
        type: "user",
        uuid: "c3",
        parentUuid: "c2",
        sessionId: "cmds",
        timestamp: "2026-03-09T15:00:02Z",
        message: {
          role: "user",
          content: [
            { type: "text", text: "What is in this screenshot?" },
            { type: "image", source: { type: "base64", data: "AAAA" } },
          ],
        },
      },
      {
        type: "assistant",
        uuid: "c4",
        parentUuid: "c3",
        sessionId: "cmds",
        timestamp: "2026-03-09T15:00:03Z",
        message: {
          role: "assistant",
          content: [
            { type: "thinking", thinking: "private musing" },
            { type: "text", text: "A chart." },
          ],
        },
      },
    ];
    const repo = new MemoryNoteRepository();
    await run(repo, [...lines, ...extra].map((line) => JSON.stringify(line)).join("\n"));
    const body = notes(repo, "LifeBetter/Conversations")[0]?.body ?? "";
    expect(body).toContain("/review src/cart.ts");
    expect(body).toContain("What is in this screenshot?\n[image]");
    expect(body).not.toContain("<local-command-stdout>");
    expect(body).not.toContain("private musing");
    expect(body).toContain("A chart.");
  });

  it("skips a line that is not JSON and says so, and imports nothing from a file whose last line is cut short", async () => {
    const lines = claudeCodeTranscript(codingSession(2), { sessionId: "damaged" }).split("\n");
    lines.splice(3, 0, "{not json");
    const repo = new MemoryNoteRepository();
    const report = await run(repo, lines.join("\n"));
    expect(report.conversations.created).toBe(1);
    expect(report.problems.map((p) => p.reason)).toEqual([expect.stringMatching(/1 lines of the transcript are not JSON and were skipped: line 4 /)]);

    const whole = claudeCodeTranscript(codingSession(2), { sessionId: "cut" });
    const cutRepo = new MemoryNoteRepository();
    const cut = await run(cutRepo, whole.slice(0, whole.length - 40));
    expect(cut.stopped).toMatch(/last line .* is cut short; nothing was imported/);
    expect(cutRepo.files.size).toBe(0);
    const complete = await run(cutRepo, whole);
    expect(complete.conversations.created).toBe(1);
  });

  it("refuses JSON lines that are no transcript, and still reads a ChatGPT list", async () => {
    const repo = new MemoryNoteRepository();
    const stray = await run(repo, '{"name": "package"}\n{"version": 1}\n');
    expect(stray.stopped).toMatch(/Claude Code transcript/);
    expect(repo.files.size).toBe(0);
    const list = await run(repo, JSON.stringify([chatGptConversation("g-1", "Plain", dialogue(2))]));
    expect(list.platforms).toEqual({ chatgpt: 1 });
  });
});
