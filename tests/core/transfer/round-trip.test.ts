import { promises as fs } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkRecordProperties } from "../../../src/core/check/record-rules";
import { composeNote, parseNote, updateProperties } from "../../../src/core/codec/frontmatter";
import { propertySpec } from "../../../src/core/schema/properties";
import { portableNameProblem } from "../../../src/core/vault/paths";
import { RECORD_KINDS } from "../../../src/core/schema/kinds";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { exportRecords, exportText } from "../../../src/core/transfer/export-records";
import { importRecords } from "../../../src/core/transfer/import-records";
import { CORPORA_ROOT, FIXTURE_VAULT, LOOSE_CORPORA, corporaAvailable } from "../../support/corpora";
import { MemoryNoteRepository } from "../../support/memory-note-repository";

const ALL = { includePrivate: true, now: new Date("2026-11-25T00:00:00Z") };

/** export → import into an empty vault → export: the records must come back identical. */
async function roundTrip(source: MemoryNoteRepository): Promise<{ first: string; second: string; created: number }> {
  const first = exportText((await exportRecords(source, DEFAULT_SETTINGS, ALL)).file);
  const target = new MemoryNoteRepository();
  const report = await importRecords(target, DEFAULT_SETTINGS, first);
  expect(report.actions.filter((action) => action.action === "error")).toEqual([]);
  const second = exportText((await exportRecords(target, DEFAULT_SETTINGS, ALL)).file);
  return { first, second, created: report.counts.create };
}

async function markdownFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const absolute = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(absolute);
      else if (entry.name.endsWith(".md")) found.push(absolute);
    }
  };
  await walk(root);
  return found;
}

/** The fixture vault always; the real vaults skip (with a printed note) where the corpora are absent. */
const noCorpora = !corporaAvailable();
const VAULTS = [
  { name: "fixture", root: FIXTURE_VAULT, skip: false },
  ...LOOSE_CORPORA.map((name) => ({ name, root: path.join(CORPORA_ROOT, name), skip: noCorpora })),
];

describe.each(VAULTS)("round trip of $name's notes made into records", ({ name, root, skip }) => {
  it.skipIf(skip)("ids, properties and bodies come back byte-identical", async () => {
    const source = new MemoryNoteRepository();
    let index = 0;
    for (const file of await markdownFiles(root)) {
      const text = await fs.readFile(file, "utf8");
      const kind = RECORD_KINDS[index++ % RECORD_KINDS.length];
      const made = updateProperties(text, (properties) => {
        properties.id = crypto.randomUUID();
        properties.kind = kind;
      });
      if ("problem" in made) continue; // notes a strict parser rejects are never rewritten, so never records
      // Import refuses values that break the schema's rules (import-records.test.ts); keep valid records.
      const relative = path.relative(root, file).split(path.sep).join("/");
      if (portableNameProblem(relative)) continue; // names Windows cannot hold are refused too (`on "vibe coding".md`)
      const parsed = parseNote(made.text);
      if (!parsed.ok || checkRecordProperties(file, kind!, parsed.properties, DEFAULT_SETTINGS).some((f) => f.severity === "error" && f.property !== "type"))
        continue;
      source.files.set(relative, made.text);
    }
    const { first, second, created } = await roundTrip(source);
    expect(created).toBe(source.files.size);
    expect(created).toBeGreaterThan(10);
    expect(second).toBe(first);
    console.log(`${name}: ${created} records round-tripped`);
  });
});

const propertyValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("2026-11-25", "2026-11-25T10:00:00+01:00", "[[Ship v2]]", "yes", "1e3", "- x", "#tag", "key: value", "---"),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 4 }),
);
const body = fc.oneof(
  fc.string({ unit: "grapheme" }),
  fc.constantFrom("", "---\nnot: frontmatter\n---\n", "line\r\nwindows\r\n", "<img src=x onerror=alert(1)>\n", "# Heading\n\n| a | b |\n|---|---|\n"),
);
const record = fc.record({
  kind: fc.constantFrom(...RECORD_KINDS),
  stem: fc.stringMatching(/^[A-Za-z0-9 ]{1,12}$/).filter((stem) => stem.trim() === stem && stem !== ""),
  // The user's own properties: schema properties have rules import enforces (import-records.test.ts).
  extra: fc.dictionary(
    fc.stringMatching(/^[a-z_]{1,10}$/).filter((key) => key !== "id" && key !== "kind" && RECORD_KINDS.every((kind) => propertySpec(kind, key) === undefined)),
    propertyValue,
    { maxKeys: 5 },
  ),
  body,
});

describe("round trip of generated vaults", () => {
  it("export → import into an empty vault → export gives the same records", async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 12 }), async (records) => {
        runs++;
        const source = new MemoryNoteRepository();
        records.forEach((r, i) => source.files.set(`${r.kind}/${r.stem} ${i}.md`, composeNote({ id: crypto.randomUUID(), kind: r.kind, ...r.extra }, r.body)));
        const { first, second, created } = await roundTrip(source);
        expect(created).toBe(records.length);
        expect(second).toBe(first);
      }),
      { numRuns: 300, seed: 11 },
    );
    expect(runs).toBeGreaterThanOrEqual(300);
  });
});
