import { describe, expect, it } from "vitest";
import { LinkResolver } from "../../../src/core/vault/link-resolver";
import { AmbiguousNameError, closeNoteNames, uniqueNote } from "../../../src/core/vault/note-names";
import { portableNameProblem, safeFileStem } from "../../../src/core/vault/paths";

const resolver = new LinkResolver(["a/Pipe prob.md", "b/Pipe prob.md", "Problems/Ship v2.md", "Daily/2026-11-20.md", "img/Pipe prob.png"]);

describe("link text and ambiguous names", () => {
  it("writes the name when it is unique, the path without .md when another note shares it (as Obsidian does)", () => {
    expect(resolver.linkText("Problems/Ship v2.md")).toBe("Ship v2");
    expect(resolver.linkText("a/Pipe prob.md")).toBe("a/Pipe prob");
    // The written link resolves back to the same note.
    expect(resolver.resolve(resolver.linkText("b/Pipe prob.md"), "")).toBe("b/Pipe prob.md");
  });

  it("a shared name lists every candidate; a path or a unique name gives one", () => {
    expect(resolver.matches("pipe PROB", "")).toEqual(["a/Pipe prob.md", "b/Pipe prob.md"]);
    expect(() => uniqueNote(resolver, "[[Pipe prob]]")).toThrow(AmbiguousNameError);
    expect(uniqueNote(resolver, "b/Pipe prob")).toBe("b/Pipe prob.md");
    expect(uniqueNote(resolver, "Ship v2")).toBe("Problems/Ship v2.md");
    expect(uniqueNote(resolver, "Nope")).toBeNull();
  });

  it("close names share a word or contain what was typed", () => {
    expect(closeNoteNames("ship", ["Problems/Ship v2.md", "Daily/2026-11-20.md"])).toEqual(["Ship v2"]);
    expect(closeNoteNames("zzz", ["Problems/Ship v2.md"])).toEqual([]);
  });
});

describe("names every device can carry", () => {
  it.each([
    "a:b.md",
    "x/a*b.md",
    "q?.md",
    'say "hi".md',
    "CON.md",
    "con.txt.md",
    "LPT1.md",
    "Dir./x.md",
    "Dir /x.md",
    "x..md",
    "x .md",
    "a\u202Eb.md",
    "a\u2066b.md",
    "a\u200Fb.md",
  ])("refuses %j", (path) => {
    expect(portableNameProblem(path)).not.toBeNull();
  });

  it.each(["Notes/Ship v2.md", "Console.md", "Conference notes.md", "2026-11-20 Daily.md", "Café ☕.md", "👩‍💻 work.md"])("accepts %j", (path) => {
    expect(portableNameProblem(path)).toBeNull();
  });

  it("file names made from free text drop bidi controls", () => {
    expect(safeFileStem("invoice\u202Efdp.exe")).toBe("invoice fdp.exe");
  });
});
