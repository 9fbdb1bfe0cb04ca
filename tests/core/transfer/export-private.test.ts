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
