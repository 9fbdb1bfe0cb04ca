import { describe, expect, it } from "vitest";
import { SUMMARY_MAX_CHARS, summarizeConversation } from "../../../src/core/chats/conversation-summary";

describe("the extractive conversation summary", () => {
  it("keeps the person's opening and their question, and the answer's telling sentence, not the greeting", () => {
    const summary = summarizeConversation([
      { role: "user", text: "hi" },
      { role: "assistant", text: "Hello! How can I help you today?" },
      { role: "user", text: "My sleep is terrible. I go to bed at 2am and wake up tired. What can I do about insomnia and my circadian rhythm?" },
      {
        role: "assistant",
        text: "Here are some ideas.\n\n1. **Fixed wake time**: wake up at the same time every day to anchor the circadian rhythm and your sleep.\n2. Avoid screens.\n\n```sh\nsleep 10\n```",
      },
    ]);
    expect(summary).toContain("My sleep is terrible. What can I do about insomnia and my circadian rhythm?");
    expect(summary).toContain("Fixed wake time: wake up at the same time every day");
    expect(summary).not.toMatch(/Hello|Here are some ideas|sleep 10|\*\*/);
  });

  it("stays within the limit on a long conversation, and is empty with nothing to say", () => {
    const long = Array.from({ length: 40 }, (_, index) => ({
      role: index % 2 === 0 ? ("user" as const) : ("assistant" as const),
      text: `Question ${index} about deployment pipelines and rollback strategies with canary releases in production clusters, ${"and more words ".repeat(30)}?`,
    }));
    expect(summarizeConversation(long).length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    expect(summarizeConversation([{ role: "user", text: "ok" }])).toBe("");
  });
});
