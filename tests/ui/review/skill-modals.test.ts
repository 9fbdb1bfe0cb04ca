import { describe, expect, it, vi } from "vitest";
import { ObsidianNoteRepository } from "../../../src/adapters/obsidian/obsidian-repository";
import type { SearchResult } from "../../../src/core/index/index-types";
import { loadSettings } from "../../../src/core/settings";
import { NewSkillModal } from "../../../src/ui/review/new-skill-modal";
import { SuggestSkillsModal, type SuggestSkillsContext, type SuggestSkillsTarget } from "../../../src/ui/review/suggest-skills-modal";
import type { IndexQueries } from "../../../src/ui/plugin-context";
import { FAKE_UNAVAILABLE, indexAccess } from "../../support/index-access";
import { contentOf, makeApp, notices, openModals, pressKey, settle } from "../../support/obsidian-shims";
import { control, typeInto } from "../../support/problems-ui";
import { SKILLS, bodyOf, press, propertiesOf, useReviewClock } from "./review-fixtures";

useReviewClock();

describe("new meta-skill modal", () => {
  function open(files: Record<string, string> = {}) {
    const { app, mock } = makeApp(files);
    const created = vi.fn((_path: string) => Promise.resolve());
    const modal = new NewSkillModal({ app, repo: new ObsidianNoteRepository(app), settings: () => loadSettings({}) }, created);
    modal.open();
    return { app, mock, created, modal };
  }

  it("creates the note with its three sections and review fields, due tomorrow", async () => {
    const { mock, created, modal } = open();
    const name = control<HTMLInputElement>(modal.contentEl, "Name");
    expect(document.activeElement).toBe(name);
    typeInto(name, "Divide and conquer");
    typeInto(control<HTMLInputElement>(modal.contentEl, "Category"), "Debugging");
    typeInto(control<HTMLSelectElement>(modal.contentEl, "Source"), "discovered");
    typeInto(control<HTMLTextAreaElement>(modal.contentEl, "What it is"), "Split the problem in halves.");
    typeInto(control<HTMLTextAreaElement>(modal.contentEl, "When to use"), "The bug hides in a big change.");
    typeInto(control<HTMLTextAreaElement>(modal.contentEl, "How to apply"), "Bisect.");
    expect(pressKey(modal.scope, "Enter", [], name)).toBe(true);
    await vi.waitFor(() => expect(created).toHaveBeenCalledWith(`${SKILLS}/Divide and conquer.md`));
    const text = contentOf(mock, `${SKILLS}/Divide and conquer.md`);
    expect(propertiesOf(text)).toMatchObject({
      kind: "meta-skill",
      category: "Debugging",
      source: "discovered",
      discovered: "2026-11-24",
      review_due: "2026-11-25",
      ease: 2.5,
      review_count: 0,
      interval_days: 0,
    });
    expect(bodyOf(text)).toBe(
      "## What it is\n\nSplit the problem in halves.\n\n## When to use\n\nThe bug hides in a big change.\n\n## How to apply\n\nBisect.\n",
    );
    expect(openModals.has(modal)).toBe(false);
  });

  it("refuses a name another note has, inline, keeping what was typed", async () => {
    const { created, modal } = open({ "Notes/Rubber duck.md": "# Rubber duck\n" });
    typeInto(control<HTMLInputElement>(modal.contentEl, "Name"), "Rubber duck");
    typeInto(control<HTMLTextAreaElement>(modal.contentEl, "When to use"), "Stuck and alone.");
    expect(await modal.save()).toBeNull();
    expect(modal.contentEl.querySelector('[role="alert"]')?.textContent).toContain('A note named "Rubber duck" already exists (Notes/Rubber duck.md)');
    expect(created).not.toHaveBeenCalled();
    expect(control<HTMLTextAreaElement>(modal.contentEl, "When to use").value).toBe("Stuck and alone.");
  });
});

describe("suggest meta-skills modal", () => {
  const NOTE = "LifeBetter/Problems/Flaky CI.md";
  const NOTE_TEXT = '---\nid: 6\nkind: problem\nmeta_skills:\n  - "[[Rubber duck]]"\n---\nThe test fails one run in five.\n';
  const RESULTS: SearchResult[] = [
    {
      path: `${SKILLS}/Divide and conquer.md`,
      id: "1",
      title: "Divide and conquer",
      kind: "meta-skill",
      score: 0.8,
      reasons: ["words", "meaning 0.61", "worked 75% of the time"],
    },
    { path: NOTE, id: "6", title: "Flaky CI", kind: "problem", score: 0.7, reasons: ["words"] },
    { path: `${SKILLS}/Rubber duck.md`, id: "2", title: "Rubber duck", kind: "meta-skill", score: 0.5, reasons: ["meaning 0.40", "not used yet"] },
  ];

  type Queries = Pick<IndexQueries, "suggestMetaSkills">;
  /** The modal over an index that answers with `queries` once `indexReady` settles (null: it could not start). */
  function open(queries: Queries | null, target: Partial<SuggestSkillsTarget> = {}, indexReady: Promise<void> = Promise.resolve()) {
    const { app, mock } = makeApp({ [NOTE]: NOTE_TEXT });
    let settled = false;
    void indexReady.then(() => (settled = true));
    const index = indexAccess<Pick<IndexQueries, "suggestMetaSkills" | "idle">>(() => {
      if (!queries) return { state: "unavailable", reason: FAKE_UNAVAILABLE };
      return settled ? { state: "ready", queries: { ...queries, idle: () => Promise.resolve() } } : { state: "building" };
    }, indexReady);
    const host: SuggestSkillsContext = { app, repo: new ObsidianNoteRepository(app), settings: () => loadSettings({}), index };
    const modal = new SuggestSkillsModal(host, { path: NOTE, text: "The test fails one run in five.", fromSelection: false, ...target });
    modal.open();
    return { mock, modal };
  }

  it("ranks the index's suggestions, marks the linked one, and links the chosen skill by keyboard", async () => {
    const suggest = vi.fn((_text: string, _limit?: number, _hidePrivate?: boolean) => Promise.resolve(RESULTS));
    const { mock, modal } = open({ suggestMetaSkills: suggest });
    await modal.loaded;
    expect(suggest).toHaveBeenCalledWith("The test fails one run in five.", 9, true); // private skills hidden: "show private records" is off
    const rows = [...modal.contentEl.querySelectorAll<HTMLButtonElement>(".lifebetter-suggest-skill")];
    // The note itself is never suggested to itself.
    expect(rows.map((row) => row.textContent)).toEqual([
      "Divide and conquerwords · meaning 0.61 · worked 75% of the time",
      "Rubber duckLinkedmeaning 0.40 · not used yet",
    ]);
    expect(modal.contentEl.textContent).toContain("2 meta-skills fit, best first.");
    expect(document.activeElement).toBe(rows[0]);
    press("ArrowDown");
    expect(document.activeElement).toBe(rows[1]);
    press("ArrowDown");
    expect(document.activeElement).toBe(rows[0]);
    // Enter on a focused button clicks it, as in a browser.
    (document.activeElement as HTMLButtonElement).click();
    await vi.waitFor(() => expect(openModals.has(modal)).toBe(false));
    const text = contentOf(mock, NOTE);
    expect(propertiesOf(text).meta_skills).toEqual(["[[Rubber duck]]", "[[Divide and conquer]]"]);
    expect(bodyOf(text)).toBe("The test fails one run in five.\n");
    expect(notices.map((notice) => notice.text)).toContain('Linked "Divide and conquer" from "Flaky CI".');
  });

  it("says clearly when the index is not running, and when nothing matches", async () => {
    const waiting = open(null);
    await waiting.modal.loaded;
    expect(waiting.modal.contentEl.textContent).toContain(`The search index is not running: ${FAKE_UNAVAILABLE}.`);
    expect(waiting.modal.contentEl.querySelectorAll(".lifebetter-suggest-skill")).toHaveLength(0);
    waiting.modal.close();

    const none = open({ suggestMetaSkills: () => Promise.resolve([]) });
    await none.modal.loaded;
    expect(none.modal.contentEl.textContent).toContain('No meta-skill matches this text. Create one with "New meta-skill"');
    none.modal.close();

    const failing = open({ suggestMetaSkills: () => Promise.reject(new Error("the index worker stopped")) });
    await failing.modal.loaded;
    expect(failing.modal.contentEl.textContent).toContain("Meta-skills could not be suggested: the index worker stopped");
  });

  it("waits for an index still building, and says so", async () => {
    let built = (): void => undefined;
    const building = new Promise<void>((resolve) => (built = resolve));
    const { modal } = open({ suggestMetaSkills: () => Promise.resolve(RESULTS) }, {}, building);
    await settle();
    expect(modal.contentEl.textContent).toContain("Waiting for the index to finish building");
    expect(modal.contentEl.querySelectorAll(".lifebetter-suggest-skill")).toHaveLength(0);
    built();
    await modal.loaded;
    expect(modal.contentEl.querySelectorAll(".lifebetter-suggest-skill")).toHaveLength(2);
  });

  it("names the selection as its source", async () => {
    const { modal } = open({ suggestMetaSkills: () => Promise.resolve([]) }, { text: "one run in five", fromSelection: true });
    await modal.loaded;
    expect(modal.contentEl.textContent).toContain('For the selection in "Flaky CI"');
  });
});
