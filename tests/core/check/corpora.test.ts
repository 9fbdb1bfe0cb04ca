import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { NodeNoteRepository } from "../../../src/adapters/node/node-repository";
import { checkVault } from "../../../src/core/check/check-vault";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { ARCHIVED_CORPORA, CORPORA_ROOT, FIXTURE_VAULT, LOOSE_CORPORA, corporaAvailable, extractedCorpus } from "../../support/corpora";
import { countMarkdown, hashTree } from "../../support/temp-vault";

/** What the corpora's README says a strict YAML parser rejects, checked against our own findings. */
const KNOWN_MALFORMED: Record<string, (paths: string[]) => void> = {
  // Our own vault: an unquoted {{date}} template, a block never closed, a list never closed.
  fixture: (paths) => expect(paths.sort()).toEqual(["Broken/Bad yaml.md", "Broken/No closing fence.md", "Templates/Daily template.md"]),
  "vault-kepano": (paths) => {
    expect(paths).toHaveLength(28);
    expect(paths.every((p) => p.startsWith("Templates/"))).toBe(true);
  },
  "vault-digitallyliterate": (paths) => expect(paths).toHaveLength(399),
  "journal/heatmap-calendar-example": (paths) => expect(paths).toEqual(["daily notes/2022-04-05.md"]),
  "journal/dataview-example-vault": (paths) => expect(paths).toContain("00 Meta/templates/Dataview Query Template.md"),
  "obsidian-help": (paths) => expect(paths).toEqual([]),
  "vault-lesleylai-garden": (paths) => expect(paths).toEqual([]),
};

/** The fixture vault always; the real vaults skip (with a printed note) where the corpora are absent. */
const real = !corporaAvailable();
const corpora = [
  { name: "fixture", dir: () => FIXTURE_VAULT, skip: false },
  ...LOOSE_CORPORA.map((name) => ({ name, dir: () => path.join(CORPORA_ROOT, name), skip: real })),
  ...ARCHIVED_CORPORA.map(({ archive, folder }) => ({ name: folder, dir: () => extractedCorpus(archive, folder), skip: real })),
];

describe.each(corpora)("check on the vault $name", ({ name, dir, skip }) => {
  it.skipIf(skip)(
    "reads every note, crashes on none, and changes no byte",
    async () => {
      const root = dir();
      const before = await hashTree(root);
      const report = await checkVault(new NodeNoteRepository(root), DEFAULT_SETTINGS);
      expect(report.files).toBe(await countMarkdown(root));
      expect(report.findings.filter((f) => f.code === "unreadable")).toEqual([]);
      expect(report.records).toEqual({}); // none of these vaults holds LifeBetter records
      expect(await hashTree(root)).toEqual(before);
      const malformed = report.findings.filter((f) => f.code === "malformed-frontmatter").map((f) => f.path);
      KNOWN_MALFORMED[name]?.(malformed);
      console.log(`${name}: ${report.files} notes, ${report.findings.length} findings, ${malformed.length} malformed`);
    },
    300_000,
  );
});
