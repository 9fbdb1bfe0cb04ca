import { describe, expect, it } from "vitest";
import { compoundParts } from "../../../src/core/index/compounds";

const vocabulary = new Set(["sleep", "hygiene", "binding", "keyboard", "plan"]);
const tokenOf = (word: string): string => word.toLowerCase();
const known = (token: string, prefix: boolean): boolean => (prefix ? [...vocabulary].some((w) => w.startsWith(token)) : vocabulary.has(token));

describe("compoundParts", () => {
  it("finds the known words inside an unknown compound", () => {
    expect(compoundParts(["schlafhygiene"], tokenOf, known)).toEqual(["hygiene"]);
    expect(compoundParts(["keybinding"], tokenOf, known)).toEqual(["binding"]);
  });

  it("never splits a word the notes have, a short word, or into short parts", () => {
    expect(compoundParts(["keyboard"], tokenOf, known)).toEqual([]);
    expect(compoundParts(["sleepy"], tokenOf, known)).toEqual([]);
    // "plan" is a known word, but four letters are too few to be more than chance.
    expect(compoundParts(["plantillas"], tokenOf, known)).toEqual([]);
  });
});
