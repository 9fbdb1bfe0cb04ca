import { describe, expect, it } from "vitest";
import { outlineNote } from "../../../src/core/index/note-sections";

const textOf = (body: string): string =>
  outlineNote(body)
    .sections.map((section) => section.text)
    .join("\n");

describe("the text a note is indexed by", () => {
  it("leaves Obsidian comments out, but keeps %% written inside code as the reader sees it", () => {
    const text = textOf("Wrap text in `%%hidden%%` to hide it.\n\n%%a private aside%% Visible words.\n\n%%spans\ntwo lines%% After.");
    expect(text).toContain("%%hidden%%");
    expect(text).toContain("Visible words");
    expect(text).toContain("After");
    expect(text).not.toMatch(/private aside|spans|two lines/);
  });

  it("keeps a comment hidden when it holds backticks", () => {
    const text = textOf("Before %%see `code` here%% after.");
    expect(text).not.toContain("code");
    expect(text).toMatch(/Before\s+after/);
  });
});
