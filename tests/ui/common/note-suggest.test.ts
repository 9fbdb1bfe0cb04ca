import { describe, expect, it, vi } from "vitest";
import type { TFile } from "obsidian";
import { KindNoteSuggest } from "../../../src/ui/common/note-suggest";
import { fileAt, makeApp } from "../../support/obsidian-shims";

const FILES = {
  "LifeBetter/Problems/Ship v2.md": "---\nkind: problem\n---\n",
  "LifeBetter/Problems/Sleep better.md": "---\nkind: problem\n---\n",
  "Archive/Ship v1.md": "---\nkind: problem\n---\n",
  "Notes/Ship it checklist.md": "---\ntags: [work]\n---\n",
  "LifeBetter/Meta-skills/Divide and conquer.md": "---\nkind: meta-skill\n---\n",
  "LifeBetter/Meta-skills/Rubber duck debugging.md": "---\nkind: meta-skill\n---\n",
};

function suggestionsOf(suggest: KindNoteSuggest, query: string): string[] {
  const files = (suggest as unknown as { getSuggestions(query: string): TFile[] }).getSuggestions(query);
  return files.map((file) => file.path);
}

describe("note suggestions by kind", () => {
  it("suggests only notes of the kind, matching the typed words fuzzily", () => {
    const { app } = makeApp(FILES);
    const input = createEl("input");
    const suggest = new KindNoteSuggest(app, input, "problem", false, () => undefined);
    expect(suggestionsOf(suggest, "ship").sort()).toEqual(["Archive/Ship v1.md", "LifeBetter/Problems/Ship v2.md"]);
    expect(suggestionsOf(suggest, "slp")).toEqual(["LifeBetter/Problems/Sleep better.md"]);
    expect(suggestionsOf(suggest, "")).toHaveLength(3);
    expect(suggestionsOf(suggest, "divide")).toEqual([]);
  });

  it("fills the field with the note's link text and reports it", () => {
    const { app } = makeApp(FILES);
    const input = createEl("input");
    const picked = vi.fn();
    const suggest = new KindNoteSuggest(app, input, "problem", false, picked);
    const file = fileAt(app, "LifeBetter/Problems/Ship v2.md");
    suggest.selectSuggestion(file);
    expect(input.value).toBe("Ship v2");
    expect(picked).toHaveBeenCalledWith("Ship v2");
  });

  it("in a comma-separated field, completes the item being typed and keeps the others", () => {
    const { app } = makeApp(FILES);
    const input = createEl("input");
    input.value = "Rubber duck debugging, div";
    const picked = vi.fn();
    const suggest = new KindNoteSuggest(app, input, "meta-skill", true, picked);
    expect(suggestionsOf(suggest, input.value)).toEqual(["LifeBetter/Meta-skills/Divide and conquer.md"]);
    suggest.selectSuggestion(fileAt(app, "LifeBetter/Meta-skills/Divide and conquer.md"));
    expect(input.value).toBe("Rubber duck debugging, Divide and conquer");
    expect(picked).toHaveBeenCalledWith("Rubber duck debugging, Divide and conquer");
  });

  it("shows the folder under the name", () => {
    const { app } = makeApp(FILES);
    const suggest = new KindNoteSuggest(app, createEl("input"), "problem", false, () => undefined);
    const el = createDiv();
    suggest.renderSuggestion(fileAt(app, "Archive/Ship v1.md"), el);
    expect(el.textContent).toBe("Ship v1Archive");
    expect(el.querySelector(".lifebetter-suggest-path")?.textContent).toBe("Archive");
  });
});
