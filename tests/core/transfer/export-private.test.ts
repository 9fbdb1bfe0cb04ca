import { describe, expect, it } from "vitest";
import { composeNote } from "../../../src/core/codec/frontmatter";
import { RECORD_KINDS } from "../../../src/core/schema/kinds";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { exportRecords, exportText } from "../../../src/core/transfer/export-records";
import { MemoryNoteRepository } from "../../support/memory-note-repository";

const SECRET = "my very private words";

function vaultWithPrivate(kind: string): MemoryNoteRepository {
  return new MemoryNoteRepository({
    [`${kind}/public.md`]: composeNote({ id: crypto.randomUUID(), kind, type: "insight" }, "Public text\n"),
    [`${kind}/private.md`]: composeNote({ id: crypto.randomUUID(), kind, type: "insight", private: true }, `${SECRET}\n`),
    [`${kind}/private-typed.md`]: composeNote({ id: crypto.randomUUID(), kind, type: "insight", private: "true" }, `${SECRET}\n`),
  });
}

describe("private records and export", () => {
  it.each(RECORD_KINDS)("a private %s is never in an export without the flag, and is with it", async (kind) => {
    const repo = vaultWithPrivate(kind);
    const without = await exportRecords(repo, DEFAULT_SETTINGS);
    expect(without.file.records.map((r) => r.path)).toEqual([`${kind}/public.md`]);
    expect(exportText(without.file)).not.toContain(SECRET);
    expect(without.privateLeftOut).toBe(2);
    // Filtering by kind and date does not let them through either.
    const byKind = await exportRecords(repo, DEFAULT_SETTINGS, { kinds: [kind], since: new Date(0) });
    expect(exportText(byKind.file)).not.toContain(SECRET);

    const withFlag = await exportRecords(repo, DEFAULT_SETTINGS, { includePrivate: true });
    expect(withFlag.file.records).toHaveLength(3);
    expect(withFlag.privateLeftOut).toBe(0);
  });
});

describe("export filters", () => {
  const repo = new MemoryNoteRepository({
    "e1.md": composeNote({ id: crypto.randomUUID(), kind: "entry", type: "insight", timestamp: "2026-01-10T10:00:00Z" }, "January\n"),
    "e2.md": composeNote({ id: crypto.randomUUID(), kind: "entry", type: "insight", timestamp: "2026-03-10T10:00:00Z" }, "March\n"),
    "p.md": composeNote({ id: crypto.randomUUID(), kind: "problem", started: "2026-02-01" }, "Problem\n"),
    "no-id.md": composeNote({ kind: "entry", type: "insight" }, "No id\n"),
    "plain.md": "Just a note\n",
  });

  it("exports by kind and by date range, and says which records had no id", async () => {
    const all = await exportRecords(repo, DEFAULT_SETTINGS);
    expect(all.file.records.map((r) => r.path)).toEqual(["e1.md", "e2.md", "p.md"]);
    expect(all.skipped.map((s) => `${s.path}: ${s.reason}`)).toEqual([expect.stringMatching(/^no-id.md: .*no valid id/)]);
    expect((await exportRecords(repo, DEFAULT_SETTINGS, { kinds: ["problem"] })).file.records.map((r) => r.path)).toEqual(["p.md"]);
    const range = await exportRecords(repo, DEFAULT_SETTINGS, { since: new Date("2026-02-01T00:00:00Z"), until: new Date("2026-03-01T00:00:00Z") });
    expect(range.file.records.map((r) => r.path)).toEqual(["p.md"]);
  });
});

describe("private spelled any way", () => {
  it.each<[string, unknown, string]>([
    ["private: yes", "yes", "private"],
    ["private: 1", 1, "private"],
    ["private: on", "on", "private"],
    ["private: [true]", [true], "private"],
    ["Private: true", true, "Private"],
    ["private: TRUE", "TRUE", "private"],
  ])("a record with %s is left out of an export without the flag", async (_, value, key) => {
    const repo = new MemoryNoteRepository({
      "public.md": composeNote({ id: crypto.randomUUID(), kind: "entry", type: "insight" }, "Public text\n"),
      "odd.md": composeNote({ id: crypto.randomUUID(), kind: "entry", type: "insight", [key]: value }, `${SECRET}\n`),
    });
    const result = await exportRecords(repo, DEFAULT_SETTINGS);
    expect(result.file.records.map((r) => r.path)).toEqual(["public.md"]);
    expect(result.privateLeftOut).toBe(1);
    expect(exportText(result.file)).not.toContain(SECRET);
  });

  it("keeps a record whose private value is clearly false", async () => {
    const repo = new MemoryNoteRepository({
      "a.md": composeNote({ id: crypto.randomUUID(), kind: "entry", type: "insight", private: "no" }, "A\n"),
      "b.md": composeNote({ id: crypto.randomUUID(), kind: "entry", type: "insight", private: 0 }, "B\n"),
      "c.md": composeNote({ id: crypto.randomUUID(), kind: "entry", type: "insight", Private: "off" }, "C\n"),
    });
    const result = await exportRecords(repo, DEFAULT_SETTINGS);
    expect(result.file.records).toHaveLength(3);
    expect(result.privateLeftOut).toBe(0);
  });
});

describe("links to private records in an export", () => {
  const TITLE = "Divorce papers with Sam";
  const repo = new MemoryNoteRepository({
    [`Problems/${TITLE}.md`]: composeNote({ id: crypto.randomUUID(), kind: "problem", private: "yes" }, "Private problem\n"),
    "Problems/Public problem.md": composeNote({ id: crypto.randomUUID(), kind: "problem" }, "Public\n"),
    "Entries/e.md": composeNote(
      { id: crypto.randomUUID(), kind: "entry", type: "insight", problem: `[[${TITLE}]]`, related: [`[[${TITLE}|the thing]]`, "[[Public problem]]"] },
      `Worked on [[${TITLE}#Steps|it]] and [[Public problem]].\nSee [the papers](Problems/${encodeURI(TITLE)}.md) and ![[${TITLE}]].\nIn code, \`[[${TITLE}]]\` stays as typed.\n`,
    ),
  });

  it("replaces every link to a private record (properties, wikilinks, Markdown links, embeds) and keeps the rest", async () => {
    const result = await exportRecords(repo, DEFAULT_SETTINGS, { kinds: ["entry"] });
    const entry = result.file.records.find((r) => r.path === "Entries/e.md")!;
    expect(entry.properties.problem).toBe("[[private record]]");
    expect(entry.properties.related).toEqual(["[[private record]]", "[[Public problem]]"]);
    expect(entry.body).toBe(
      `Worked on [[private record]] and [[Public problem]].\nSee [[private record]] and [[private record]].\nIn code, \`[[${TITLE}]]\` stays as typed.\n`,
    );
    // Only the code span still names it: code is text the user wrote, not a link.
    const text = exportText(result.file);
    expect(text.split(TITLE).length - 1).toBe(1);
  });

  it("keeps links as written when private records are included", async () => {
    const result = await exportRecords(repo, DEFAULT_SETTINGS, { includePrivate: true });
    const entry = result.file.records.find((r) => r.path === "Entries/e.md")!;
    expect(entry.properties.problem).toBe(`[[${TITLE}]]`);
    expect(entry.body).toContain(`[[${TITLE}#Steps|it]]`);
  });
});
