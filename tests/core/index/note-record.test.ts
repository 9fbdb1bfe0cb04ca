import { describe, expect, it } from "vitest";
import { embedHash, extractNote } from "../../../src/core/index/note-record";
import { estimateWordPieces, passageBudget } from "../../../src/core/index/passages";

const file = (path: string) => ({ path, size: 100, mtime: Date.parse("2026-03-01T10:00:00Z"), ctime: 0 });

describe("what the index reads from a note", () => {
  it("takes filters from the frontmatter and never embeds the frontmatter", () => {
    const note = extractNote(
      file("LifeBetter/Entries/Flaky.md"),
      "---\nid: 0b8c6a52-0000-4000-8000-000000000001\nkind: entry\ntype: blocker\ntags: [ci, '#testing/flaky']\nproblem: \"[[Ship v2]]\"\ntimestamp: 2026-02-03T09:00:00+01:00\naliases: [CI flake]\n---\nThe #nightly build fails on the [[Scheduler|job runner]].\n",
    );
    expect(note.record).toMatchObject({
      id: "0b8c6a52-0000-4000-8000-000000000001",
      title: "Flaky",
      kind: "entry",
      type: "blocker",
      tags: ["ci", "testing/flaky", "nightly"],
      aliases: ["CI flake"],
      problem: "ship v2",
      date: Date.parse("2026-02-03T09:00:00+01:00"),
    });
    expect(note.record.links.sort()).toEqual(["scheduler", "ship v2"]);
    expect(note.embedTexts.map((t) => t.text)).toEqual(["The #nightly build fails on the job runner."]);
    expect(note.fullText.body).not.toContain("blocker");
  });

  it("gives full text the note's description property, which is not body text", () => {
    const note = extractNote(file("Canvas.md"), "---\ndescription: A visual whiteboard.\n---\nArrange cards.\n");
    expect(note.fullText).toMatchObject({ description: "A visual whiteboard.", body: "Arrange cards." });
  });

  it("dates a record for the search filters by its own date, not by when it was imported", () => {
    const chat = extractNote(file("chat.md"), "---\nkind: conversation\nstarted: 2025-06-10T08:00:00Z\ncreated: 2026-12-02T09:30:00Z\n---\nHi\n");
    expect(chat.record.date).toBe(Date.parse("2025-06-10T08:00:00Z"));
    const monthly = extractNote(file("m.md"), "---\nkind: reflection\nperiod: monthly\nperiod_start: 2026-11-01\ncreated: 2026-12-02T09:30:00Z\n---\nx\n");
    expect(monthly.record.date).toBe(new Date(2026, 10, 1).getTime());
  });

  it("leaves template boilerplate out: empty prompt headings, placeholders, query blocks", () => {
    const note = extractNote(
      file("Daily.md"),
      '# {{date}}\n\n## What worked?\n\n- \n\n## What did I learn?\n\n- Sleep early helps\n\n## Tasks\n\n```dataview\nTASK FROM "x"\n```\n',
    );
    expect(note.embedTexts[0]?.text).toBe("Sleep early helps");
    expect(note.record.headings).toEqual(["What worked?", "What did I learn?", "Tasks"]);
  });

  it("still indexes the body and title of a note whose frontmatter is broken", () => {
    const note = extractNote(file("Templates/Book.md"), "---\ntitle: {{title}}\n---\nA book template body.\n");
    expect(note.record.problemNote).toMatch(/frontmatter/);
    expect(note.fullText.title).toBe("Book");
    expect(note.embedTexts[0]?.text).toBe("A book template body.");
  });

  it("splits a long note into passages the model reads whole, cut between words, and gives the note the mean of them", () => {
    const para = (word: string) => `${word} `.repeat(300).trim();
    const body = `# Methods\n\n## Analysis\n\n${para("regression")}\n\n## Sampling\n\n${para("sample")}\n\nshort\n\n# Tiny\n\nx\n`;
    const note = extractNote(file("Long.md"), body, { maxTokens: 256 });
    const [own, ...passages] = note.embedTexts;
    expect(own).toMatchObject({ key: "", kind: "mean", text: "" });
    expect(passages.length).toBeGreaterThan(2);
    expect(passages.every((p) => p.kind === "passage")).toBe(true);
    expect(passages[0]).toMatchObject({ key: "Methods > Analysis" });
    expect(passages[0]?.text.startsWith("Methods > Analysis\nregression")).toBe(true);
    expect(passages.map((p) => p.key)).toContain("Methods > Sampling");
    for (const p of passages) expect(estimateWordPieces(p.text)).toBeLessThanOrEqual(passageBudget(256));
    // Nothing is lost and no word is cut: every word of the body is in exactly one passage.
    const words = passages.flatMap((p) => p.text.split(/\s+/)).filter((w) => !/^(Methods|>|Analysis|Sampling|Tiny)$/.test(w));
    expect(words.filter((w) => w === "regression")).toHaveLength(300);
    expect(words.filter((w) => w === "sample")).toHaveLength(300);
    expect(words.filter((w) => w !== "regression" && w !== "sample")).toEqual(["short", "x"]);
  });

  it("a model that reads less makes more, shorter passages", () => {
    const body = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} talks about gardening and soil.`).join(" ");
    const at256 = extractNote(file("A.md"), body, { maxTokens: 256 }).embedTexts.filter((t) => t.kind === "passage");
    const at128 = extractNote(file("A.md"), body, { maxTokens: 128 }).embedTexts.filter((t) => t.kind === "passage");
    expect(at128.length).toBeGreaterThan(at256.length);
    // Cut at sentence ends: every passage ends a sentence.
    for (const p of at128) expect(p.text.endsWith(".")).toBe(true);
  });

  it("a note the model reads whole is one text, and texts equal but for spaces and case share one hash", () => {
    const a = extractNote(file("A.md"), "Hello   World\n\nagain").embedTexts;
    const b = extractNote(file("B.md"), "hello world again").embedTexts;
    expect(a).toHaveLength(1);
    expect(a[0]?.kind).toBe("note");
    expect(a[0]?.hash).toBe(b[0]?.hash);
    expect(a[0]?.hash).toBe(embedHash("HELLO world again"));
  });

  it("embeds the title only when there is no body, so a rename changes no other embedding", () => {
    expect(extractNote(file("Only a title.md"), "---\ntags: [x]\n---\n").embedTexts[0]?.text).toBe("Only a title");
    const a = extractNote(file("A.md"), "same body");
    const b = extractNote(file("Folder/B.md"), "same body");
    expect(a.embedTexts).toEqual(b.embedTexts);
  });
});
