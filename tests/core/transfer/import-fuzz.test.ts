import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { NodeNoteRepository } from "../../../src/adapters/node/node-repository";
import { composeNote } from "../../../src/core/codec/frontmatter";
import { InvalidInputError } from "../../../src/core/errors";
import { RECORD_KINDS } from "../../../src/core/schema/kinds";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { EXPORT_FORMAT } from "../../../src/core/transfer/export-format";
import { importPathProblem } from "../../../src/core/transfer/import-path";
import { importRecords } from "../../../src/core/transfer/import-records";
import { MemoryNoteRepository } from "../../support/memory-note-repository";
import { hashTree } from "../../support/temp-vault";

/** Fuzz runs done in this file, printed at the end for the closing note. */
const runs: Record<string, number> = {};
const count = (name: string): void => void (runs[name] = (runs[name] ?? 0) + 1);
afterAll(() => console.log(`records import fuzz runs: ${JSON.stringify(runs)}`));

const ids = fc.uuid({ version: 4 });
const EXISTING_ID = "0b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a01";
const EXISTING = {
  "Entries/mine.md": composeNote({ id: EXISTING_ID, kind: "entry", type: "insight", updated: "2026-11-20T10:00:00Z" }, "Mine\n"),
  "plain.md": "no frontmatter\n",
};

const nastyPath = fc.oneof(
  fc.constantFrom(
    "../../x.md",
    "../x.md",
    "/etc/passwd.md",
    "C:\\x.md",
    "a/../../b.md",
    "a\\..\\b.md",
    "./a.md",
    "a//b.md",
    ".obsidian/x.md",
    "a/.trash/b.md",
    "..",
    "",
    "Entries/mine.md",
    "x.md\u0000.md",
  ),
  fc.array(fc.constantFrom("..", ".", "a", "b", "", "\\", "C:", "x.md", ".hidden"), { minLength: 1, maxLength: 5 }).map((parts) => parts.join("/")),
  fc.string().map((s) => `${s}.md`),
);

const recordLike = fc.oneof(
  fc.record({
    id: fc.oneof(ids, fc.constant(EXISTING_ID), fc.string()),
    kind: fc.oneof(fc.constantFrom(...RECORD_KINDS), fc.string()),
    path: nastyPath,
    properties: fc.oneof(fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }), fc.jsonValue()),
    body: fc.oneof(fc.string(), fc.jsonValue()),
  }),
  fc.jsonValue(),
);

describe("fuzzing the records importer", () => {
  it("a truncated export is refused whole with a clear message and nothing is written", async () => {
    const valid = JSON.stringify({
      format: EXPORT_FORMAT,
      version: 1,
      exported_at: "2026-11-25T00:00:00Z",
      records: Array.from({ length: 5 }, (_, i) => ({
        id: crypto.randomUUID(),
        kind: "entry",
        path: `E/${i}.md`,
        properties: { type: "insight" },
        body: `Body ${i}\n`,
      })),
    });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: valid.length - 2 }), async (cut) => {
        count("truncated");
        const repo = new MemoryNoteRepository(EXISTING);
        await expect(importRecords(repo, DEFAULT_SETTINGS, valid.slice(0, cut))).rejects.toThrow(/not valid JSON|not a LifeBetter records export/);
        expect(Object.fromEntries(repo.files)).toEqual(EXISTING);
      }),
      { numRuns: 300, seed: 1 },
    );
  });

  it("any shape: only InvalidInputError is thrown, every written note is a safe path, nothing of the vault is lost", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.jsonValue(), fc.record({ format: fc.constant(EXPORT_FORMAT), version: fc.constant(1), records: fc.array(recordLike, { maxLength: 8 }) })),
        async (data) => {
          count("wrong shapes");
          const repo = new MemoryNoteRepository(EXISTING);
          try {
            const report = await importRecords(repo, DEFAULT_SETTINGS, JSON.stringify(data));
            for (const action of report.actions) if (action.action === "error") expect(action.reason).toMatch(/^Record \d+ was not imported: .+/);
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidInputError);
          }
          for (const written of repo.files.keys()) expect(importPathProblem(written)).toBeNull();
          expect(repo.files.get("plain.md")).toBe(EXISTING["plain.md"]);
          const mine = repo.files.get("Entries/mine.md") ?? "";
          expect(mine).toContain(EXISTING_ID); // updated at most, never removed or renamed away
          const holders = [...repo.files.values()].filter((text) => text.includes(`id: ${EXISTING_ID}`));
          expect(holders).toHaveLength(1); // never duplicated
        },
      ),
      { numRuns: 500, seed: 2 },
    );
  });

  it("duplicate ids in one file: one note per id, the rest reported", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(EXISTING_ID, "1b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a02", "2b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a03"), { minLength: 1, maxLength: 10 }),
        async (list) => {
          count("duplicate ids");
          const repo = new MemoryNoteRepository(EXISTING);
          const records = list.map((id, i) => ({
            id,
            kind: "entry",
            path: `E/${i}.md`,
            properties: { type: "insight", updated: `2026-12-0${(i % 9) + 1}T00:00:00Z` },
            body: `${i}\n`,
          }));
          const report = await importRecords(repo, DEFAULT_SETTINGS, JSON.stringify({ format: EXPORT_FORMAT, version: 1, records }));
          const distinct = new Set(list).size;
          expect(report.counts.error).toBe(list.length - distinct);
          for (const id of new Set(list)) expect([...repo.files.values()].filter((text) => text.includes(`id: ${id}`))).toHaveLength(1);
        },
      ),
      { numRuns: 200, seed: 3 },
    );
  });

  it("path traversal on disk: nothing is ever written outside the vault folder", async () => {
    const parent = await fs.mkdtemp(path.join(os.tmpdir(), "lifebetter-traversal-"));
    try {
      const vault = path.join(parent, "deep", "vault");
      await fs.mkdir(vault, { recursive: true });
      await fs.writeFile(path.join(parent, "outside.md"), "outside\n");
      const outsideBefore = await hashTree(parent);
      await fc.assert(
        fc.asyncProperty(fc.array(nastyPath, { minLength: 1, maxLength: 6 }), async (paths) => {
          count("path traversal");
          const records = paths.map((p) => ({ id: crypto.randomUUID(), kind: "entry", path: p, properties: { type: "insight" }, body: "x\n" }));
          const report = await importRecords(new NodeNoteRepository(vault), DEFAULT_SETTINGS, JSON.stringify({ format: EXPORT_FORMAT, version: 1, records }));
          for (const action of report.actions) {
            if (action.action === "create") expect(importPathProblem(action.path)).toBeNull();
          }
        }),
        { numRuns: 100, seed: 4 },
      );
      // Everything outside deep/vault is as it was.
      const after = await hashTree(parent);
      const outsideAfter = new Map([...after].filter(([p]) => !p.startsWith(path.join("deep", "vault") + path.sep)));
      const expected = new Map([...outsideBefore].filter(([p]) => !p.startsWith(path.join("deep", "vault") + path.sep)));
      expect(outsideAfter).toEqual(expected);
    } finally {
      await fs.rm(parent, { recursive: true, force: true });
    }
  });
});
