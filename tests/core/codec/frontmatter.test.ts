import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { composeNote, parseNote, splitNote, updateProperties } from "../../../src/core/codec/frontmatter";

function update(text: string, mutate: (p: Record<string, unknown>) => void): string {
  const result = updateProperties(text, mutate);
  if ("problem" in result) throw new Error(result.problem);
  return result.text;
}

function bodyOf(text: string): string {
  const parts = splitNote(text);
  if ("problem" in parts) throw new Error(parts.problem);
  return parts.body;
}

describe("parseNote", () => {
  it("reads properties with YAML 1.2 types: dates and clock times stay text", () => {
    const parsed = parseNote("---\nmood: 7\ndone: true\ndate: 2024-05-04\nclock-in: 10:36\ntags: [a, b]\n---\nBody\n");
    expect(parsed.ok && parsed.properties).toEqual({ mood: 7, done: true, date: "2024-05-04", "clock-in": "10:36", tags: ["a", "b"] });
  });

  it("treats a note without frontmatter as having no properties and keeps all of it as body", () => {
    const parsed = parseNote("# Title\n\n---\n\ntext\n");
    expect(parsed.ok && parsed.properties).toEqual({});
    expect(parsed.ok && parsed.parts.body).toBe("# Title\n\n---\n\ntext\n");
  });

  it.each([
    ["invalid YAML", '---\na: "open\n---\nbody'],
    ["a duplicated key", "---\na: 1\na: 2\n---\n"],
    ["tab indentation", "---\na:\n\tb: 1\n---\n"],
    ["an unclosed fence", "---\na: 1\nbody without end\n"],
    ["a list instead of properties", "---\n- a\n- b\n---\n"],
    ["a bare scalar", "---\njust text\n---\n"],
    ["unquoted template placeholders", "---\ncreated: {{date}}\n---\n"],
    ["an alias without anchor", "---\na: *nothing\n---\n"],
  ])("reports %s as a problem instead of guessing", (_what, text) => {
    const parsed = parseNote(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem.length).toBeGreaterThan(10);
  });

  it("sees frontmatter behind a byte-order mark and with CRLF line ends", () => {
    const parsed = parseNote("\uFEFF---\r\nmood: 3\r\n---\r\nBody\r\n");
    expect(parsed.ok && parsed.properties).toEqual({ mood: 3 });
    expect(parsed.ok && parsed.parts.body).toBe("Body\r\n");
  });
});

describe("updateProperties", () => {
  const original = "---\n# my comment\ntitle: Keep me\nunknown_key: {nested: [1, 2]}\nmood: 3\n---\n\nBody with --- and [[links]]\n\n---\nmore";

  it("changes one property and keeps unknown keys, comments and the body byte for byte", () => {
    const next = update(original, (p) => {
      p.mood = 8;
    });
    expect(bodyOf(next)).toBe(bodyOf(original));
    expect(next).toContain("# my comment");
    const parsed = parseNote(next);
    expect(parsed.ok && parsed.properties).toEqual({ title: "Keep me", unknown_key: { nested: [1, 2] }, mood: 8 });
  });

  it("keeps the lines of the keys it did not change, flow lists and maps included", () => {
    const next = update(original, (p) => {
      p.mood = 8;
    });
    expect(next).toContain("unknown_key: {nested: [1, 2]}\n");
    expect(next).toContain("title: Keep me\nunknown_key");
  });

  it("returns the text untouched when nothing changes", () => {
    const result = updateProperties(original, (p) => {
      p.mood = 3;
    });
    expect(result).toEqual({ text: original, changed: false });
  });

  it("keeps CRLF line ends and the byte-order mark", () => {
    const text = "\uFEFF---\r\na: 1\r\n---\r\nline 1\r\nline 2";
    const next = update(text, (p) => {
      p.b = "two";
    });
    expect(next.startsWith("\uFEFF---\r\na: 1\r\nb: two\r\n---\r\n")).toBe(true);
    expect(bodyOf(next)).toBe("line 1\r\nline 2");
  });

  it("adds frontmatter to a note that had none without touching its text", () => {
    const text = "# Heading\n\nSome text";
    const next = update(text, (p) => {
      p.id = "x";
    });
    expect(next).toBe("---\nid: x\n---\n# Heading\n\nSome text");
  });

  it("refuses a note it cannot parse", () => {
    expect(updateProperties("---\na: [1\n---\nbody", () => undefined)).toHaveProperty("problem");
  });

  it("deletes a property without disturbing the others", () => {
    const next = update("---\na: 1\nb: 2\nc: 3\n---\nx", (p) => {
      delete p.b;
    });
    expect(next).toBe("---\na: 1\nc: 3\n---\nx");
  });

  it("never changes the body, whatever the body and the values written (property test)", () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 4 }));
    // Properties are edited as a plain object (as in Obsidian's processFrontMatter), where assigning
    // `__proto__` sets the prototype rather than a key: no note can be given that key this way.
    const key = fc.stringMatching(/^[a-z_]{1,12}$/).filter((name) => name !== "__proto__");
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.constantFrom("\n", "\r\n"),
        fc.dictionary(key, value, { maxKeys: 5 }),
        key,
        value,
        (body, eol, props, key, newValue) => {
          const text = composeNote(props, body, eol);
          const next = update(text, (p) => {
            p[key] = newValue;
          });
          expect(bodyOf(next)).toBe(body);
          const parsed = parseNote(next);
          expect(parsed.ok).toBe(true);
          if (parsed.ok) expect(parsed.properties).toEqual({ ...props, [key]: newValue });
        },
      ),
      { numRuns: 300 },
    );
  });
});
