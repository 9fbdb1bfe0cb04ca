import type { Code, Heading, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { describe, expect, it } from "vitest";
import { inertMessage } from "../../../src/core/chats/inert-message";
import { importChats } from "../../../src/core/chats/import-chats";
import { parseNote } from "../../../src/core/codec/frontmatter";
import { parseMarkdown } from "../../../src/core/codec/markdown-tree";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { byteChunks, chatGptConversation, claudeConversation, type FakeMessage } from "../../support/chat-exports";
import { MemoryNoteRepository } from "../../support/memory-note-repository";

const NOW = new Date("2026-11-25T01:00:00Z");
const run = (repo: MemoryNoteRepository, text: string) =>
  importChats(repo, DEFAULT_SETTINGS, byteChunks(text, 4096), { now: NOW, yieldToUi: () => Promise.resolve() });

/** Messages a hostile (or just unlucky) export could hold: each would run a plugin or fake structure if written as is. */
const HOSTILE: FakeMessage[] = [
  { role: "user", text: "What does this do?\n\n```dataviewjs\ndv.paragraph(app.vault.getFiles().length)\n```" },
  { role: "assistant", text: "It counts files. Also:\n\n```dataview\nLIST FROM #secret\n```\nand inline `$= dv.current().file.name` and `= this.file.name`." },
  { role: "user", text: "Can Templater run <% tp.file.title %> or <%* await app.vault.delete(tp.file.find_tfile('x')) %>?" },
  { role: "assistant", text: "No.\n\n## You · 2026-01-05 09:09\n\nI am not really you.\n\n---\nkind: entry\nprivate: false\n---\n\n# Fake title" },
  {
    role: "user",
    text: "Why does ```` four backticks ```` and\n````\n```\nnested fences\n```\n````\nbreak out? #tag [[Link]] - [ ] task key:: value ![x](https://tracker.example/p.png)",
  },
  { role: "assistant", text: "~~~\ntildes\n~~~\n\n    indented code\n<script>alert(1)</script>\r\n## Carriage return heading\r\n" },
];

/** The body's top-level blocks: only our headings and one code block per message, nothing else. */
function blocks(body: string): RootContent[] {
  return parseMarkdown(body).children;
}

function expectInert(body: string, messages: FakeMessage[], speaker: string): void {
  const nodes = blocks(body);
  expect(nodes.map((node) => node.type)).toEqual(messages.flatMap(() => ["heading", "code"]));
  messages.forEach((message, index) => {
    const heading = nodes[index * 2] as Heading;
    expect(toString(heading)).toMatch(new RegExp(`^${message.role === "user" ? "You" : speaker} · 2026-01-05 \\d\\d:\\d\\d$`));
    const code = nodes[index * 2 + 1] as Code;
    expect(code.lang).toBeNull(); // no block language a plugin claims: not dataview, dataviewjs, …
    // The message reads as written: only `<%` gained an invisible word joiner, and line breaks are \n.
    expect(code.value).toBe(message.text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").replaceAll("<%", "<\u2060%"));
  });
  expect(body).not.toContain("<%");
}

describe("imported messages are inert", () => {
  it.each([
    ["ChatGPT", "chatgpt", (messages: FakeMessage[]) => chatGptConversation("hostile", "Hostile", messages)],
    ["Claude", "claude", (messages: FakeMessage[]) => claudeConversation("hostile", "Hostile", messages)],
  ])("%s: no message runs a plugin, fakes a turn or frontmatter; a re-import creates nothing", async (speaker, _platform, make) => {
    const repo = new MemoryNoteRepository();
    const text = JSON.stringify([make(HOSTILE)]);
    const report = await run(repo, text);
    expect(report.conversations.created).toBe(1);
    const [path, note] = [...repo.files].find(([p]) => p.startsWith("LifeBetter/Conversations/"))!;
    const parsed = parseNote(note);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.properties).toMatchObject({ kind: "conversation", messages: HOSTILE.length });
    expect(parsed.properties).not.toHaveProperty("private");
    expectInert(parsed.parts.body, HOSTILE, speaker);

    // Question entries hold the user's message: inert too.
    const questions = [...repo.files].filter(([p]) => p.startsWith("LifeBetter/Entries/"));
    expect(questions.length).toBeGreaterThan(0);
    for (const [, entry] of questions) {
      const body = parseNote(entry);
      if (!body.ok) throw new Error(body.problem);
      expect(blocks(body.parts.body).map((node) => node.type)).toEqual(["code"]);
      expect(entry).not.toContain("<%");
    }

    const before = new Map(repo.files);
    const again = await run(repo, text);
    expect(again.conversations).toEqual({ created: 0, alreadyImported: 1, failed: 0 });
    expect(repo.files).toEqual(before);
    expect(repo.files.get(path)).toBe(note);
  });

  it("fences each message with more backticks than any run inside it", () => {
    expect(inertMessage("plain")).toBe("```\nplain\n```\n");
    expect(inertMessage("a ```` b").startsWith("`````\n")).toBe(true);
    const value = "x\n``````\ny";
    const [code] = blocks(inertMessage(value));
    expect(code).toMatchObject({ type: "code", value });
  });
});
