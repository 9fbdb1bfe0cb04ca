import { promises as fs } from "node:fs";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NodeNoteRepository } from "../../../src/adapters/node/node-repository";
import { captureEntry, entryFileStem } from "../../../src/core/capture/capture-entry";
import { parseNote } from "../../../src/core/codec/frontmatter";
import { InvalidInputError } from "../../../src/core/errors";
import { isRecordId } from "../../../src/core/ids";
import { DEFAULT_SETTINGS, loadSettings } from "../../../src/core/settings";
import { hashTree, makeTempVault, removeVault } from "../../support/temp-vault";

let root: string;
let repo: NodeNoteRepository;
const now = new Date(2026, 10, 24, 9, 30);

beforeEach(async () => {
  root = await makeTempVault();
  repo = new NodeNoteRepository(root);
});
afterEach(() => removeVault(root));

async function readNote(relative: string) {
  const parsed = parseNote(await fs.readFile(path.join(root, relative), "utf8"));
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed;
}

describe("captureEntry", () => {
  it("writes an entry note with the schema's properties and the text as body", async () => {
    const entry = await captureEntry(
      repo,
      {
        type: "blocker",
        text: "Flaky test in CI blocks the release\nMore detail",
        problem: "Ship v2",
        tags: ["#ci", "tests"],
        mood: 4,
        context: "release day",
        source: "cli",
        fields: { resolution: "" },
      },
      DEFAULT_SETTINGS,
      now,
    );
    expect(entry.path).toBe("LifeBetter/Entries/2026-11-24 Flaky test in CI blocks the release.md");
    expect(isRecordId(entry.id)).toBe(true);
    const note = await readNote(entry.path);
    expect(note.properties).toMatchObject({
      id: entry.id,
      kind: "entry",
      type: "blocker",
      source: "cli",
      problem: "[[Ship v2]]",
      tags: ["ci", "tests"],
      mood: 4,
      context: "release day",
    });
    expect(note.properties).not.toHaveProperty("resolution");
    expect(note.properties).not.toHaveProperty("energy");
    expect(String(note.properties.created)).toMatch(/^2026-11-24T09:30:00/);
    expect(note.parts.body).toBe("Flaky test in CI blocks the release\nMore detail\n");
  });

  it("writes location, feelings and shortest unique links for parent and conversation", async () => {
    await fs.mkdir(path.join(root, "A"), { recursive: true });
    await fs.mkdir(path.join(root, "B"), { recursive: true });
    await fs.writeFile(path.join(root, "A/First thought.md"), "---\nkind: entry\n---\nx\n");
    await fs.writeFile(path.join(root, "B/Chat.md"), "x");
    await fs.writeFile(path.join(root, "A/Chat.md"), "x");
    const entry = await captureEntry(
      repo,
      {
        type: "insight",
        text: "A reply",
        location: " https://example.org/doc ",
        feelings: ["calm", " grateful", "calm", ""],
        parent: "A/First thought.md",
        conversation: "B/Chat",
        source: "cli",
      },
      DEFAULT_SETTINGS,
      now,
    );
    expect((await readNote(entry.path)).properties).toMatchObject({
      location: "https://example.org/doc",
      feelings: ["calm", "grateful"],
      parent: "[[First thought]]",
      conversation: "[[B/Chat]]",
    });
  });

  it("refuses a parent name several notes share and writes nothing", async () => {
    await fs.mkdir(path.join(root, "A"), { recursive: true });
    await fs.mkdir(path.join(root, "B"), { recursive: true });
    await fs.writeFile(path.join(root, "A/Same.md"), "x");
    await fs.writeFile(path.join(root, "B/Same.md"), "x");
    const before = await hashTree(root);
    await expect(captureEntry(repo, { type: "insight", text: "reply", parent: "Same", source: "cli" }, DEFAULT_SETTINGS, now)).rejects.toThrow(
      /A\/Same\.md, B\/Same\.md/,
    );
    expect(await hashTree(root)).toEqual(before);
  });

  it("never overwrites: the same words on the same day get a numbered name", async () => {
    const input = { type: "question", text: "Why is the build slow?", source: "cli" };
    const first = await captureEntry(repo, input, DEFAULT_SETTINGS, now);
    const second = await captureEntry(repo, input, DEFAULT_SETTINGS, now);
    expect(first.path).toBe("LifeBetter/Entries/2026-11-24 Why is the build slow.md");
    expect(second.path).toBe("LifeBetter/Entries/2026-11-24 Why is the build slow 2.md");
    expect(first.id).not.toBe(second.id);
  });

  it("keeps type-specific fields and custom types' fields", async () => {
    const settings = loadSettings({ customEntryTypes: [{ name: "gratitude", fields: ["for_whom"] }] });
    const attempt = await captureEntry(
      repo,
      { type: "attempt", text: "Tried bisecting", fields: { approach: "git bisect", outcome: "success", time_spent: "45" }, source: "cli" },
      settings,
      now,
    );
    expect((await readNote(attempt.path)).properties).toMatchObject({ approach: "git bisect", outcome: "success", time_spent: 45 });
    const custom = await captureEntry(repo, { type: "gratitude", text: "Thanks for the review", fields: { for_whom: "Sam" }, source: "cli" }, settings, now);
    expect((await readNote(custom.path)).properties).toMatchObject({ type: "gratitude", for_whom: "Sam" });
  });

  it.each([
    [{ type: "nope", text: "x" }, /Unknown entry type "nope"/],
    [{ type: "insight", text: "   " }, /no text/],
    [{ type: "insight", text: "x", mood: 11 }, /Mood must be a whole number from 1 to 10/],
    [{ type: "insight", text: "x", stress: 2.5 }, /Stress/],
    [{ type: "insight", text: "x", tags: ["two words"] }, /not a valid tag/],
    [{ type: "attempt", text: "x", fields: { outcome: "meh" } }, /Outcome must be one of/],
    [{ type: "decision", text: "x", fields: { review_on: "next week" } }, /YYYY-MM-DD/],
    [{ type: "insight", text: "x", fields: { approach: "y" } }, /not a field of insight entries/],
  ])("refuses %j and writes nothing", async (input, message) => {
    const before = await hashTree(root);
    await expect(captureEntry(repo, { source: "cli", ...input }, DEFAULT_SETTINGS, now)).rejects.toThrow(InvalidInputError);
    await expect(captureEntry(repo, { source: "cli", ...input }, DEFAULT_SETTINGS, now)).rejects.toThrow(message);
    expect(await hashTree(root)).toEqual(before);
  });
});

describe("entryFileStem", () => {
  it("uses the date and the first words, without characters file systems or links refuse", () => {
    expect(entryFileStem('What is "a|b" [[x]] #tag / c: d?', now)).toBe("2026-11-24 What is a b x tag c d");
    expect(entryFileStem("   ", now)).toBe("2026-11-24 entry");
    expect(entryFileStem("one two three four five six seven eight nine ten", now)).toBe("2026-11-24 one two three four five six seven eight");
  });
});
