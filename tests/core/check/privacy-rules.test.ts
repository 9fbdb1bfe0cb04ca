import { promises as fs } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { NodeNoteRepository } from "../../../src/adapters/node/node-repository";
import { applyFixes } from "../../../src/core/check/apply-fixes";
import { canDropValue } from "../../../src/core/check/drop-value";
import { checkVault } from "../../../src/core/check/check-vault";
import { parseNote } from "../../../src/core/codec/frontmatter";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { makeTempVault, removeVault } from "../../support/temp-vault";

let root: string | undefined;
afterEach(async () => {
  if (root) await removeVault(root);
  root = undefined;
});

const BODY = "Body with **bold** and `code`, kept byte for byte.\n";
const entry = (n: number, extra: string) => `---\nid: 0b6f1c4e-2a51-4c57-9a0e-8f5d3c2b1a0${n}\nkind: entry\ntype: insight\n${extra}---\n${BODY}`;

describe("check and odd spellings of private", () => {
  it("reports each odd spelling with the checkbox it means, and the fix writes it without touching the body", async () => {
    root = await makeTempVault({
      "yes.md": entry(1, "private: yes\n"),
      "one.md": entry(2, "private: 1\n"),
      "key.md": entry(3, "Private: true\n"),
      "off.md": entry(4, "private: off\n"),
      "list.md": entry(5, "private: [true]\n"),
      "fine.md": entry(6, "private: true\n"),
      "public.md": entry(7, "private: false\n"),
    });
    const repo = new NodeNoteRepository(root);
    const report = await checkVault(repo, DEFAULT_SETTINGS);
    const byPath = Object.fromEntries(report.findings.map((f) => [f.path, f]));
    expect(Object.keys(byPath).sort()).toEqual(["key.md", "list.md", "off.md", "one.md", "yes.md"]);
    expect(byPath["yes.md"]!.message).toMatch(/private: "yes" is read as private; write it as the checkbox private: true/);
    expect(byPath["off.md"]!.message).toMatch(/read as not private; .*private: false/);
    expect(byPath["key.md"]).toMatchObject({ property: "Private", fix: { action: "set", property: "private", value: true, replaces: "Private" } });
    // One finding per note: the generic "must be a checkbox" error is not added on top.
    expect(report.findings).toHaveLength(5);
    // Removing the value is never offered: that would make a private note public.
    expect(report.findings.filter(canDropValue)).toEqual([]);
    expect(canDropValue({ path: "x.md", code: "invalid-value", severity: "error", property: "Private", message: "" })).toBe(false);

    const fixed = await applyFixes(repo, report.findings, () => "2026-11-24T10:00:00Z");
    expect(fixed.failed).toEqual([]);
    const expected: Record<string, boolean> = { "yes.md": true, "one.md": true, "key.md": true, "off.md": false, "list.md": true };
    for (const [file, value] of Object.entries(expected)) {
      const text = await fs.readFile(path.join(root, file), "utf8");
      const parsed = parseNote(text);
      expect(parsed.ok && parsed.properties.private, file).toBe(value);
      expect(parsed.ok && "Private" in parsed.properties, file).toBe(false);
      expect(text.endsWith(`---\n${BODY}`), file).toBe(true);
    }
    expect((await checkVault(repo, DEFAULT_SETTINGS)).findings).toEqual([]);
  });
});
