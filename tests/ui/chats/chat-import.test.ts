import { beforeEach, describe, expect, it } from "vitest";
import { ObsidianNoteRepository } from "../../../src/adapters/obsidian/obsidian-repository";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { runChatImports } from "../../../src/ui/chats/chat-import";
import { claudeCodeTranscript, codingSession } from "../../support/claude-code-transcripts";
import { makeApp, notices, resetNotices } from "../../support/obsidian-shims";

beforeEach(() => resetNotices());

function setup() {
  const { app } = makeApp({});
  const settings = structuredClone(DEFAULT_SETTINGS);
  return { app, host: { app, repo: new ObsidianNoteRepository(app), settings: () => settings } };
}

const session = (id: string, topic: string): File =>
  new File([claudeCodeTranscript(codingSession(2, topic), { sessionId: id, summary: `Fixing ${topic}` })], `${id}.jsonl`);

describe("Import AI conversations, several Claude Code transcripts at once", () => {
  it("imports each file with its own progress and ends with one summary; again, nothing is created", async () => {
    const { app, host } = setup();
    const files = [session("s-1", "checkout"), session("s-2", "cart"), session("s-3", "feed")];
    const report = await runChatImports(host, files);
    expect(report?.conversations).toEqual({ created: 3, alreadyImported: 0, failed: 0 });
    const conversations = app.vault.getFiles().filter((file) => file.path.startsWith("LifeBetter/Conversations/"));
    expect(conversations.map((file) => file.basename).sort()).toEqual(["2026-03-09 Fixing cart", "2026-03-09 Fixing checkout", "2026-03-09 Fixing feed"]);
    expect(notices.filter((n) => n.text.startsWith("Importing AI conversations from")).map((n) => n.text.split("\n")[0])).toEqual([
      expect.stringContaining("s-1.jsonl (1 of 3)"),
      expect.stringContaining("s-2.jsonl (2 of 3)"),
      expect.stringContaining("s-3.jsonl (3 of 3)"),
    ]);
    const summaries = notices.filter((n) => n.text.startsWith("Imported"));
    expect(summaries.map((n) => n.text)).toEqual([
      "Imported 3 conversations and 3 questions; 0 were already imported. Wrote 3 summaries and linked 0 conversations to a problem.",
    ]);

    resetNotices();
    const again = await runChatImports(host, files);
    expect(again?.conversations).toEqual({ created: 0, alreadyImported: 3, failed: 0 });
    expect(notices.at(-1)?.text).toBe("Imported 0 conversations and 0 questions; 3 were already imported.");
  });

  it("names the file a problem came from", async () => {
    const { host } = setup();
    const whole = claudeCodeTranscript(codingSession(2), { sessionId: "cut" });
    const report = await runChatImports(host, [session("ok", "cart"), new File([whole.slice(0, -25)], "cut.jsonl")]);
    expect(report?.conversations.created).toBe(1);
    expect(notices.at(-1)?.text).toContain("cut.jsonl: The transcript's last line");
  });
});
