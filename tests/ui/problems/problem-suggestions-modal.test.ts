import { afterEach, describe, expect, it, vi } from "vitest";
import type { IndexClient } from "../../../src/core/index/index-client";
import type { SearchResult } from "../../../src/core/index/index-types";
import { INDEX_NOT_READY, ProblemSuggestionsModal } from "../../../src/ui/problems/problem-suggestions-modal";
import { openModals } from "../../support/obsidian-shims";
import { button, problemsSetup, texts } from "../../support/problems-ui";
import { NEW_TAB, clickWith } from "../../support/open-watch";
import { PROBLEM_VIEW_TYPE } from "../../../src/ui/problems/problem-view";

const NEW = "LifeBetter/Problems/Slow build.md";
const FILES = {
  [NEW]: "---\nkind: problem\nstatus: active\n---\nThe build takes 20 minutes.\n",
  "LifeBetter/Problems/Slow tests.md":
    "---\nkind: problem\nstatus: solved\ncompleted: 2026-10-02T10:00:00+01:00\nwhat_worked:\n  - Cached the dependencies\n---\n",
  "LifeBetter/Problems/Slow deploys.md": "---\nkind: problem\nstatus: abandoned\nwhat_didnt_work:\n  - Bigger machines\n---\n",
  "LifeBetter/Meta-skills/Measure first.md": "---\nkind: meta-skill\nuses_total: 4\nuses_success: 3\n---\n",
};

const result = (path: string, reasons: string[] = []): SearchResult => ({ path, id: null, title: path, kind: null, score: 0.5, reasons });

/** An index that answers with fixed results and records what it was asked. */
function fakeIndex(similar: SearchResult[], skills: SearchResult[]) {
  const asked: string[] = [];
  const index = {
    idle: () => Promise.resolve(),
    findSimilarProblems: (problem: string) => {
      asked.push(`similar ${problem}`);
      return Promise.resolve(similar);
    },
    suggestMetaSkills: (text: string) => {
      asked.push(`skills ${text}`);
      return Promise.resolve(skills);
    },
  } as unknown as IndexClient;
  return { index, asked };
}

afterEach(() => openModals.clear());

describe("problem suggestions modal", () => {
  it("lists similar past problems with how they ended, and skills with why they fit", async () => {
    const { index, asked } = fakeIndex(
      [result(NEW), result("LifeBetter/Problems/Slow tests.md", ["status: solved"]), result("LifeBetter/Problems/Slow deploys.md")],
      [result("LifeBetter/Meta-skills/Measure first.md", ["words", "worked 75% of the time"])],
    );
    const { host, opened } = problemsSetup(FILES, { index });
    const modal = new ProblemSuggestionsModal(host, NEW, "Slow build\nThe build takes 20 minutes.", { created: true });
    modal.open();
    await modal.loaded;
    const root = modal.contentEl;
    expect(modal.titleEl.textContent).toBe('Created "Slow build"');
    expect(asked).toEqual([`similar ${NEW}`, "skills Slow build\nThe build takes 20 minutes."]);
    // The new problem itself is never suggested as similar to itself.
    expect(texts(root, ".lifebetter-similar-problems li a")).toEqual(["Slow tests", "Slow deploys"]);
    expect(texts(root, ".lifebetter-outcome")).toEqual([
      expect.stringMatching(/^Solved on 2 Oct 2026, \d\d:00 — worked: Cached the dependencies$/),
      "Abandoned — didn't work: Bigger machines",
    ]);
    expect(texts(root, ".lifebetter-skill-name")).toEqual(["Measure first"]);
    expect(root.textContent).toContain("words · worked 75% of the time");

    root.querySelector<HTMLAnchorElement>(".lifebetter-similar-problems a")?.click();
    expect(opened).toEqual(["LifeBetter/Problems/Slow tests.md"]);
    expect(openModals.has(modal)).toBe(false);
  });

  it("opens a similar past problem in a new tab with Ctrl/Cmd-click, as every list does", async () => {
    const { index } = fakeIndex([result("LifeBetter/Problems/Slow tests.md")], []);
    const { host, opened, app } = problemsSetup(FILES, { index });
    const modal = new ProblemSuggestionsModal(host, NEW, "Slow build");
    modal.open();
    await modal.loaded;
    clickWith(modal.contentEl.querySelector(".lifebetter-similar-problems a")!, NEW_TAB);
    await vi.waitFor(() => expect(app.workspace.getLeavesOfType(PROBLEM_VIEW_TYPE)).toHaveLength(1));
    expect(app.workspace.getLeavesOfType(PROBLEM_VIEW_TYPE)[0]?.getViewState().state).toEqual({ path: "LifeBetter/Problems/Slow tests.md" });
    expect(opened).toEqual([]);
  });

  it("adds a suggested skill to the problem's meta_skills, once", async () => {
    const { index } = fakeIndex([], [result("LifeBetter/Meta-skills/Measure first.md", ["not used yet"])]);
    const { host, properties } = problemsSetup(FILES, { index });
    const modal = new ProblemSuggestionsModal(host, NEW, "Slow build");
    modal.open();
    await modal.loaded;
    expect(modal.contentEl.textContent).toContain("None yet: no other problem is close to this one.");
    const use = button(modal.contentEl, "Use for this problem");
    use.click();
    await expect.poll(() => use.textContent).toBe("Added");
    expect(properties(NEW).meta_skills).toEqual(["[[Measure first]]"]);
    expect(use.disabled).toBe(true);
  });

  it("says plainly that the index is not ready, and still lets the user open the problem", async () => {
    const { host, opened } = problemsSetup(FILES, { index: null });
    const modal = new ProblemSuggestionsModal(host, NEW, "Slow build", { created: true });
    modal.open();
    await modal.loaded;
    expect(modal.contentEl.querySelector(".lifebetter-notice-text")?.textContent).toBe(INDEX_NOT_READY);
    button(modal.contentEl, "Open problem").click();
    expect(opened).toEqual([NEW]);
  });

  it("shows why the search failed instead of an empty list", async () => {
    const failing = { idle: () => Promise.reject(new Error("the index worker stopped")) } as unknown as IndexClient;
    const { host } = problemsSetup(FILES, { index: failing });
    const modal = new ProblemSuggestionsModal(host, NEW, "Slow build");
    modal.open();
    await modal.loaded;
    expect(modal.contentEl.textContent).toContain("The index could not be searched: the index worker stopped");
  });
});
