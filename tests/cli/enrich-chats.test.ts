import { promises as fs } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { composeNote } from "../../src/core/codec/frontmatter";
import { conversationBody } from "../../src/core/chats/conversation-note";
import { chatGptConversation } from "../support/chat-exports";
import { cli } from "../support/cli";
import { propertiesOf } from "../support/note-properties";
import type { BuiltModel } from "../support/models/model-folder";
import { tempStaticModel } from "../support/models/temp-models";
import { makeTempVault, removeVault } from "../support/temp-vault";

let root = "";
afterEach(async () => {
  if (root) await removeVault(root);
  root = "";
});

const CONVERSATION = "LifeBetter/Conversations/2026-01-05 Long runs.md";
const PARTY = "LifeBetter/Conversations/2026-01-06 Party.md";

function conversationNote(title: string, messages: { role: "user" | "assistant"; text: string }[]): string {
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

async function vault(): Promise<void> {
  root = await makeTempVault({
    "LifeBetter/Problems/Marathon training.md": composeNote(
      { kind: "problem", status: "active" },
      "Train for the autumn marathon: long runs, pace, mileage and avoiding injury.\n",
    ),
    "LifeBetter/Problems/Learn Spanish.md": composeNote({ kind: "problem", status: "active" }, "Vocabulary, verb conjugation and listening practice.\n"),
    [CONVERSATION]: conversationNote("Long runs", [
      { role: "user", text: "How should I pace my long runs for the marathon without shin splints?" },
      { role: "assistant", text: "Run the long runs slower than marathon pace and raise the weekly mileage by ten percent at most." },
    ]),
    [PARTY]: conversationNote("Party", [
      { role: "user", text: "What games suit a birthday party for ten guests?" },
      { role: "assistant", text: "Charades and a treasure hunt work well for the guests." },
    ]),
  });
}

describe("lifebetter enrich-chats", () => {
  it("fills conversations imported before, prints what it did, and a second run changes nothing", async () => {
    await vault();
    const before = await fs.readFile(path.join(root, CONVERSATION), "utf8");
    const first = await cli("enrich-chats", "--vault", root, "--json");
    expect(first.code).toBe(0);
    const report = JSON.parse(first.out) as { updated: string[]; problems: number; summaries: number };
    expect(report).toMatchObject({ problems: 1, summaries: 2 });
    expect(report.updated.sort()).toEqual([CONVERSATION, PARTY]);
    const properties = propertiesOf(await fs.readFile(path.join(root, CONVERSATION), "utf8"));
    expect(properties.problem).toBe("[[Marathon training]]");
    expect(String(properties.summary)).toContain("How should I pace my long runs for the marathon");
    expect(propertiesOf(await fs.readFile(path.join(root, PARTY), "utf8")).problem).toBeUndefined();
    const after = await fs.readFile(path.join(root, CONVERSATION), "utf8");
    expect(after.slice(after.indexOf("## You"))).toBe(before.slice(before.indexOf("## You"))); // the body is untouched

    const second = await cli("enrich-chats", "--vault", root);
    expect(second.code).toBe(0);
    expect(second.out).toContain("Enriched 0 of 2 conversations");
    expect(await fs.readFile(path.join(root, CONVERSATION), "utf8")).toBe(after);
  });

  it("is a usage error (exit 2) without a vault or with a stray argument", async () => {
    expect((await cli("enrich-chats")).code).toBe(2);
    await vault();
    expect((await cli("enrich-chats", "--vault", root, "extra")).code).toBe(2);
  });

  it("links a conversation said in other words by meaning with --model, and only suggests it without one", async () => {
    const model: BuiltModel & { cleanup: () => Promise<void> } = await tempStaticModel();
    try {
      const talk = [
        { role: "user" as const, text: "Why does modifying a long document lag and freeze?" },
        { role: "assistant" as const, text: "Large documents make every modification sluggish. Split them into smaller documents." },
        { role: "user" as const, text: "Is such poor responsiveness normal for long documents?" },
        { role: "assistant" as const, text: "Yes, with long documents it is poor; split them." },
      ];
      const files = {
        "LifeBetter/Problems/Slow editor.md": composeNote(
          { kind: "problem", status: "active" },
          "The editor is slow: editing a long page has poor performance.\n",
        ),
        "LifeBetter/Problems/Running habit.md": composeNote(
          { kind: "problem", status: "active" },
          "Build a running habit: exercise every morning as a routine.\n",
        ),
        "LifeBetter/Conversations/2026-01-05 Sluggish documents.md": conversationNote("Sluggish documents", talk),
      };
      root = await makeTempVault(files);
      const words = await cli("enrich-chats", "--vault", root);
      expect(words.code).toBe(0);
      expect(words.out).toContain("may be about [[Slow editor]]");
      expect(words.err).toBe(""); // no model is normal here: nothing to warn about
      await expect(fs.stat(path.join(root, ".lifebetter"))).rejects.toThrow(); // and no cache folder is left in the vault
      await removeVault(root);

      root = await makeTempVault(files);
      const run = await cli("enrich-chats", "--vault", root, "--model", model.folder, "--json");
      expect(run.code).toBe(0);
      expect(JSON.parse(run.out)).toMatchObject({ problems: 1, byMeaning: 1, suggestions: [] });
      expect(propertiesOf(await fs.readFile(path.join(root, "LifeBetter/Conversations/2026-01-05 Sluggish documents.md"), "utf8")).problem).toBe(
        "[[Slow editor]]",
      );
    } finally {
      await model.cleanup();
    }
  }, 60_000);

  it("says so when --model cannot be loaded, and goes on by words", async () => {
    await vault();
    const run = await cli("enrich-chats", "--vault", root, "--model", path.join(root, "no-such-model"), "--json");
    expect(run.code).toBe(0);
    expect(run.err).toContain("the model could not be loaded");
    expect(JSON.parse(run.out)).toMatchObject({ problems: 1, byMeaning: 0 });
  });

  it("import-chats links a new conversation said in other words with --model", async () => {
    const model = await tempStaticModel();
    try {
      root = await makeTempVault({
        "LifeBetter/Problems/Slow editor.md": composeNote(
          { kind: "problem", status: "active" },
          "The editor is slow: editing a long page has poor performance.\n",
        ),
        "LifeBetter/Problems/Running habit.md": composeNote(
          { kind: "problem", status: "active" },
          "Build a running habit: exercise every morning as a routine.\n",
        ),
      });
      const talk = [
        { role: "user" as const, text: "Why does modifying a document lag and freeze?" },
        { role: "assistant" as const, text: "Large documents make every modification sluggish." },
      ];
      const exportFile = path.join(root, "..", `${path.basename(root)}-conversations.json`);
      await fs.writeFile(exportFile, JSON.stringify([chatGptConversation("lag-1", "Sluggish documents", talk)]));
      try {
        const run = await cli("import-chats", "--vault", root, exportFile, "--model", model.folder, "--json");
        expect(run.code).toBe(0);
        const report = JSON.parse(run.out) as { created: string[]; memory: { problems: number; byMeaning: number } };
        expect(report.memory).toMatchObject({ problems: 1, byMeaning: 1 });
        const [created] = report.created;
        expect(propertiesOf(await fs.readFile(path.join(root, created ?? ""), "utf8")).problem).toBe("[[Slow editor]]");
      } finally {
        await fs.rm(exportFile, { force: true });
      }
    } finally {
      await model.cleanup();
    }
  }, 60_000);
});
