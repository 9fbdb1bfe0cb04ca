import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodeNoteRepository } from "../../../src/adapters/node/node-repository";
import { applyFixes } from "../../../src/core/check/apply-fixes";
import { checkVault } from "../../../src/core/check/check-vault";
import type { CheckReport, FindingCode } from "../../../src/core/check/findings";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { hashTree, makeTempVault, removeVault } from "../../support/temp-vault";

/** One defect: a note with exactly one thing wrong, and the finding it must get. */
interface Defect {
  name: string;
  code: FindingCode;
  make: () => string | Buffer;
}

const record = (kind: string, extra: string, body = "Some body text.\n") =>
  `---\nid: ${randomUUID()}\nkind: ${kind}\n${kind === "entry" ? "type: insight\n" : ""}${extra}---\n${body}`;
const malformed = (name: string, yaml: string): Defect => ({ name, code: "malformed-frontmatter", make: () => `---\n${yaml}\n---\nBody of ${name}.\n` });
const invalid = (name: string, kind: string, extra: string): Defect => ({ name, code: "invalid-value", make: () => record(kind, extra) });
const FIVE_MB = "lorem ipsum dolor sit amet ".repeat(200_000);

const DEFECTS: Defect[] = [
  malformed("unclosed quote", 'title: "open'),
  malformed("unclosed flow list", "tags: [a, b"),
  malformed("duplicate key", "mood: 3\nmood: 4"),
  malformed("tab indentation", "a:\n\tb: 1"),
  malformed("mapping in a plain value", "a: b: c"),
  malformed("list frontmatter", "- a\n- b"),
  malformed("scalar frontmatter", "just some words"),
  malformed("template placeholder", "created: {{date}}\ntitle: {{title}}"),
  malformed("alias without anchor", "a: *nowhere"),
  malformed("bad escape", 'a: "\\q"'),
  malformed("escaped pipe in JSON", '{"title": "x", "links": ["[[a\\|b]]"]}'),
  malformed("percent comment", "description: %% note %%"),
  malformed("stray indented key", "title: x\n mood: 6"),
  malformed("quote inside single quotes", "a: 'x'y'"),
  malformed("list as key", "? [a]\n: 1"),
  malformed("list then map", "- a\nb: 1"),
  { name: "no closing fence", code: "malformed-frontmatter", make: () => "---\ntitle: never closed\n\nBody that never ends.\n" },
  invalid("mood as words", "entry", "mood: high\n"),
  invalid("mood too high", "entry", "mood: 11\n"),
  invalid("energy zero", "entry", "energy: 0\n"),
  invalid("negative stress", "entry", "stress: -1\n"),
  invalid("tags as a map", "entry", "tags:\n  a: 1\n"),
  invalid("created in words", "entry", "created: yesterday\n"),
  invalid("impossible date", "entry", "review_on: 2024-13-45\n"),
  invalid("unknown outcome", "entry", "outcome: meh\n"),
  invalid("private as text", "entry", "private: yes please\n"),
  invalid("problem as number", "entry", "problem: 42\n"),
  invalid("skills as a map", "entry", "meta_skills:\n  x: 1\n"),
  { name: "unknown entry type", code: "invalid-value", make: () => `---\nid: ${randomUUID()}\nkind: entry\ntype: unknown\n---\nx\n` },
  { name: "unknown kind", code: "invalid-value", make: () => `---\nid: ${randomUUID()}\nkind: thought\n---\nx\n` },
  { name: "id not a UUID", code: "invalid-value", make: () => "---\nid: 123\nkind: entry\ntype: question\n---\nx\n" },
  invalid("confidence over 1", "pattern", "confidence: 2\n"),
  invalid("unknown status", "problem", "status: done\n"),
  invalid("ease under floor", "meta-skill", "ease: 1.0\n"),
  invalid("sleep over a day", "reflection", "sleep_hours: 30\n"),
  invalid("unknown platform", "conversation", "platform: bard\n"),
  invalid("unknown priority", "problem", "priority: asap\n"),
  { name: "entry without id", code: "missing-id", make: () => "---\nkind: entry\ntype: question\n---\nWhy?\n" },
  { name: "problem without id", code: "missing-id", make: () => "---\nkind: problem\nstatus: active\n---\nA problem.\n" },
  { name: "broken body link", code: "broken-link", make: () => record("entry", "", "See [[A note that does not exist]].\n") },
  { name: "broken property link", code: "broken-link", make: () => record("entry", 'related: ["[[Missing related note]]"]\n') },
  {
    name: "invalid UTF-8 in body",
    code: "unreadable",
    make: () => Buffer.concat([Buffer.from("---\ntitle: x\n---\nCaf"), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from(" au lait\n")]),
  },
  {
    name: "invalid UTF-8 in frontmatter",
    code: "unreadable",
    make: () => Buffer.concat([Buffer.from("---\ntitle: "), Buffer.from([0x80, 0x80]), Buffer.from("\n---\nbody\n")]),
  },
  { name: "5 MB record", code: "too-large", make: () => record("entry", "", FIVE_MB) },
  { name: "5 MB plain note", code: "too-large", make: () => `---\ntitle: big\n---\n${FIVE_MB}` },
];

/** Variations applied to each defect: line ends, byte-order mark, no final newline, non-ASCII text. */
const WRAPPERS: Record<string, (text: string) => string> = {
  lf: (t) => t,
  crlf: (t) => t.replace(/\n/g, "\r\n"),
  bom: (t) => "\uFEFF" + t,
  "bom+crlf": (t) => "\uFEFF" + t.replace(/\n/g, "\r\n"),
  "no final newline": (t) => t.replace(/\s+$/, ""),
  "non-ASCII body": (t) => t + "\n日本語のメモ 😀 café — ünïcödé\n",
  "mixed line ends": (t) =>
    t
      .split("\n")
      .map((line, i) => line + (i % 2 ? "\r\n" : "\n"))
      .join("")
      .slice(0, -1),
};

const EMPTY_CASES = ["", "\uFEFF", "\n\n", "   \r\n", "\t\n \n"];

function wrap(content: string | Buffer, wrapper: (text: string) => string): string | Buffer {
  if (typeof content === "string") return wrapper(content);
  // Byte-level defects: wrap the text around the bad bytes without decoding them.
  const marker = content.indexOf(0x0a);
  const head = wrapper(content.subarray(0, marker + 1).toString("latin1")).replace(/[\r\n]+$/, "");
  return Buffer.concat([Buffer.from(head + (wrapper("\n").includes("\r") ? "\r\n" : "\n")), content.subarray(marker + 1)]);
}

describe("check over a generated fuzz vault", () => {
  const expected = new Map<string, { code: FindingCode; what: string }>();
  let root: string;
  let report: CheckReport;
  let before: Map<string, string>;

  beforeAll(async () => {
    const files: Record<string, string | Buffer> = {};
    let n = 0;
    for (const defect of DEFECTS) {
      for (const [wrapperName, wrapper] of Object.entries(WRAPPERS)) {
        const path = `fuzz/case-${String(++n).padStart(3, "0")}.md`;
        files[path] = wrap(defect.make(), wrapper);
        expected.set(path, { code: defect.code, what: `${defect.name} (${wrapperName})` });
      }
    }
    for (const text of EMPTY_CASES) {
      const path = `fuzz/case-${String(++n).padStart(3, "0")}.md`;
      files[path] = text;
      expected.set(path, { code: "empty-file", what: `empty ${JSON.stringify(text)}` });
    }
    root = await makeTempVault(files);
    before = await hashTree(root);
    report = await checkVault(new NodeNoteRepository(root), DEFAULT_SETTINGS);
  });
  afterAll(() => removeVault(root));

  it("has at least 300 cases and reads every one of them", () => {
    expect(expected.size).toBeGreaterThanOrEqual(300);
    expect(report.files).toBe(expected.size);
  });

  it("gives every case exactly one finding, of the expected code, with a message", () => {
    const byPath = new Map<string, string[]>();
    for (const finding of report.findings) {
      expect(finding.message.length).toBeGreaterThan(10);
      byPath.set(finding.path, [...(byPath.get(finding.path) ?? []), finding.code]);
    }
    const wrong = [...expected].filter(([path, { code }]) => JSON.stringify(byPath.get(path)) !== JSON.stringify([code]));
    expect(wrong.map(([path, { code, what }]) => `${path} ${what}: expected [${code}], got ${JSON.stringify(byPath.get(path))}`)).toEqual([]);
  });

  it("changed no byte while checking", async () => {
    expect(await hashTree(root)).toEqual(before);
  });

  it("with fixes applied, never rewrites a note it could not parse or read", async () => {
    await applyFixes(new NodeNoteRepository(root), report.findings, () => "2026-11-24T10:00:00Z");
    const after = await hashTree(root);
    const untouchable = [...expected].filter(([, { code }]) => ["malformed-frontmatter", "unreadable", "empty-file", "broken-link"].includes(code));
    for (const [path] of untouchable) expect(after.get(path), path).toBe(before.get(path));
    const fixed = [...expected].filter(([, { code }]) => code === "missing-id");
    for (const [path] of fixed) expect(after.get(path), path).not.toBe(before.get(path));
  });
});
