import { describe, expect, it } from "vitest";
import { composeNote } from "../../../src/core/codec/frontmatter";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { EXPORT_FORMAT, ExportFileError, type ExportedRecord } from "../../../src/core/transfer/export-format";
import { importRecords } from "../../../src/core/transfer/import-records";
import { MemoryNoteRepository } from "../../support/memory-note-repository";

const ID = "0b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a01";
const OTHER = "1b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a02";

const file = (records: unknown[]): string => JSON.stringify({ format: EXPORT_FORMAT, version: 1, exported_at: "2026-11-25T00:00:00Z", records });
const rec = (properties: Record<string, unknown>, body = "Body\n", path = "LifeBetter/Entries/a.md", id = ID): ExportedRecord => ({
  id,
  kind: "entry",
  path,
  properties: { id, kind: "entry", type: "insight", ...properties },
  body,
});

describe("import of a records file", () => {
  it("creates a new record at its path and reports it", async () => {
    const repo = new MemoryNoteRepository();
    const report = await importRecords(repo, DEFAULT_SETTINGS, file([rec({})]));
    expect(report.actions).toEqual([{ action: "create", id: ID, path: "LifeBetter/Entries/a.md" }]);
    expect(repo.files.get("LifeBetter/Entries/a.md")).toBe(composeNote({ id: ID, kind: "entry", type: "insight" }, "Body\n"));
  });

  it("is idempotent: importing the same file twice changes nothing the second time", async () => {
    const repo = new MemoryNoteRepository();
    await importRecords(repo, DEFAULT_SETTINGS, file([rec({ updated: "2026-11-20T10:00:00Z" })]));
    const before = new Map(repo.files);
    const again = await importRecords(repo, DEFAULT_SETTINGS, file([rec({ updated: "2026-11-20T10:00:00Z" })]));
    expect(again.counts).toEqual({ create: 0, update: 0, skip: 1, error: 0 });
    expect(repo.files).toEqual(before);
  });

  it("updates a record only when the file's updated is newer, and reports the skip otherwise", async () => {
    const repo = new MemoryNoteRepository({
      "Moved/a.md": composeNote({ id: ID, kind: "entry", type: "insight", updated: "2026-11-20T10:00:00Z", mine: 1 }, "Old\n"),
    });
    const older = await importRecords(repo, DEFAULT_SETTINGS, file([rec({ updated: "2026-11-19T10:00:00Z" }, "Older\n")]));
    expect(older.actions.map((a) => `${a.action} ${a.path ?? ""}: ${"reason" in a ? a.reason : ""}`)).toEqual([
      expect.stringMatching(/^skip Moved\/a.md: .*as new or newer/),
    ]);
    expect(repo.files.get("Moved/a.md")).toContain("Old\n");

    const newer = await importRecords(repo, DEFAULT_SETTINGS, file([rec({ updated: "2026-11-21T10:00:00Z" }, "Newer\n")]));
    expect(newer.actions[0]).toEqual({ action: "update", id: ID, path: "Moved/a.md" });
    expect(repo.files.size).toBe(1); // updated where it lives, never duplicated at the file's path
    const text = repo.files.get("Moved/a.md") ?? "";
    expect(text).toMatch(/Newer\n$/);
    expect(text).not.toContain("mine");
  });

  it("gives a new name beside a path that holds another note, and never overwrites it", async () => {
    const mine = "---\ntitle: mine\n---\nMy own note\n";
    const repo = new MemoryNoteRepository({ "LifeBetter/Entries/a.md": mine });
    const report = await importRecords(repo, DEFAULT_SETTINGS, file([rec({})]));
    expect(report.actions).toEqual([{ action: "create", id: ID, path: "LifeBetter/Entries/a 2.md", requestedPath: "LifeBetter/Entries/a.md" }]);
    expect(repo.files.get("LifeBetter/Entries/a.md")).toBe(mine);
  });

  it("a dry run reports what would happen, renames included, and writes nothing", async () => {
    const repo = new MemoryNoteRepository({ "LifeBetter/Entries/a.md": "other\n" });
    const report = await importRecords(repo, DEFAULT_SETTINGS, file([rec({}), rec({}, "x", "LifeBetter/Entries/a.md", OTHER)]), { dryRun: true });
    expect(report.actions.map((a) => [a.action, "path" in a ? a.path : ""])).toEqual([
      ["create", "LifeBetter/Entries/a 2.md"],
      ["create", "LifeBetter/Entries/a 3.md"],
    ]);
    expect([...repo.files.keys()]).toEqual(["LifeBetter/Entries/a.md"]);
  });

  it("keeps the first of two records with the same id and reports the second", async () => {
    const repo = new MemoryNoteRepository();
    const report = await importRecords(repo, DEFAULT_SETTINGS, file([rec({}, "first"), rec({}, "second", "b.md")]));
    expect(report.counts).toMatchObject({ create: 1, error: 1 });
    expect(report.actions[1]?.action === "error" && report.actions[1].reason).toMatch(/appears earlier in the same file/);
    expect([...repo.files.keys()]).toEqual(["LifeBetter/Entries/a.md"]);
  });

  it.each([
    ["../../x.md", /not a plain vault path/],
    ["/etc/x.md", /absolute/],
    ["C:/Users/x.md", /absolute/],
    ["a\\..\\..\\x.md", /backslash/],
    [".obsidian/plugins/x.md", /hidden/],
    ["notes/x.txt", /not a Markdown note/],
  ])("refuses the path %s and writes nothing", async (path, reason) => {
    const repo = new MemoryNoteRepository();
    const report = await importRecords(repo, DEFAULT_SETTINGS, file([rec({}, "x", path)]));
    expect(report.actions[0]?.action === "error" && report.actions[0].reason).toMatch(reason);
    expect(repo.files.size).toBe(0);
  });

  it.each([
    ["", /not valid JSON/],
    ['{"format": "lifebetter-records", "version": 1, "records": [', /not valid JSON/],
    ["[1,2]", /not a LifeBetter records export/],
    ['{"format": "lifebetter-records", "version": 9, "records": []}', /newer LifeBetter/],
    ['{"format": "lifebetter-records", "version": 1}', /no "records" list/],
  ])("refuses the whole file %j with a clear message", async (text, message) => {
    const repo = new MemoryNoteRepository({ "keep.md": "x" });
    await expect(importRecords(repo, DEFAULT_SETTINGS, text)).rejects.toThrow(ExportFileError);
    await expect(importRecords(repo, DEFAULT_SETTINGS, text)).rejects.toThrow(message);
    expect([...repo.files]).toEqual([["keep.md", "x"]]);
  });
});
