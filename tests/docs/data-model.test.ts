import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RECORD_KINDS, type RecordKind } from "../../src/core/schema/kinds";
import { COMMON_PROPERTIES, KIND_PROPERTIES } from "../../src/core/schema/properties";

const doc = readFileSync(new URL("../../docs/data-model.md", import.meta.url), "utf8");

/** The doc's `## ` sections by their first word, lower-cased ("Entry — …" → "entry"). */
function sections(): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of doc.split(/^## /m).slice(1)) {
    const title = part.slice(0, part.indexOf("\n"));
    found.set(title.split(/[\s(—]/)[0]!.toLowerCase(), part);
  }
  return found;
}

const SECTION_OF: Record<RecordKind, string> = {
  entry: "entry",
  problem: "problem",
  "meta-skill": "meta-skill",
  reflection: "reflection",
  pattern: "pattern",
  conversation: "conversation",
};

describe("docs/data-model.md", () => {
  it("documents every property the code knows, under its kind", () => {
    const bySection = sections();
    const missing: string[] = [];
    for (const kind of RECORD_KINDS) {
      const section = bySection.get(SECTION_OF[kind]) ?? "";
      for (const name of Object.keys(KIND_PROPERTIES[kind])) {
        if (!section.includes(`\`${name}\``)) missing.push(`${kind}.${name}`);
      }
    }
    const common = bySection.get("common") ?? "";
    for (const name of Object.keys(COMMON_PROPERTIES)) {
      if (!common.includes(`\`${name}\``)) missing.push(`common.${name}`);
    }
    expect(missing).toEqual([]);
  });
});
