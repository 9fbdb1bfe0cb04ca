import type { MarkdownView } from "obsidian";
import { describe, expect, it, vi } from "vitest";
import LifeBetterPlugin from "../../../src/main";
import { NewSkillModal } from "../../../src/ui/review/new-skill-modal";
import { suggestTarget } from "../../../src/ui/review/register-review";
import { REVIEW_VIEW_TYPE, ReviewView } from "../../../src/ui/review/review-view";
import { SuggestSkillsModal } from "../../../src/ui/review/suggest-skills-modal";
import { MANIFEST, fileAt, makeApp, notices, registered, settle } from "../../support/obsidian-shims";
import { control, onlyModal, typeInto } from "../../support/problems-ui";
import { SKILLS, useReviewClock } from "./review-fixtures";

const NOTE = "Work/Flaky CI.md";

async function start() {
  const { app, mock } = makeApp({ [NOTE]: "---\nkind: problem\n---\nThe test fails one run in five.\n" });
  const plugin = new LifeBetterPlugin(app, MANIFEST);
  plugin.load();
  await settle();
  const registry = registered(plugin);
  const run = (id: string): void => {
    void registry.commands__.get(id)?.callback?.();
  };
  const check = (id: string, checking: boolean): boolean => registry.commands__.get(id)?.checkCallback?.(checking) === true;
  return { app, mock, plugin, registry, run, check };
}

useReviewClock();

describe("meta-skill commands", () => {
  it("registers the review view, and Review meta-skills opens it once, in a tab", async () => {
    const { app, registry, run } = await start();
    const create = registry.views__.get(REVIEW_VIEW_TYPE);
    expect(create?.(app.workspace.getLeaf(true))).toBeInstanceOf(ReviewView);
    run("review-meta-skills");
    await settle();
    run("review-meta-skills");
    await settle();
    const leaves = app.workspace.getLeavesOfType(REVIEW_VIEW_TYPE);
    expect(leaves).toHaveLength(1);
    expect(leaves[0]?.getViewState()).toMatchObject({ type: REVIEW_VIEW_TYPE, active: true });
  });

  it("New meta-skill creates the note and opens it", async () => {
    const { app, run } = await start();
    run("new-meta-skill");
    const modal = onlyModal(NewSkillModal);
    typeInto(control<HTMLInputElement>(modal.contentEl, "Name"), "Sleep on it");
    await modal.save();
    await settle();
    const path = `${SKILLS}/Sleep on it.md`;
    expect(app.workspace.getActiveFile()?.path).toBe(path);
    expect(notices.map((notice) => notice.text)).toContain('Created meta-skill "Sleep on it".');
  });

  it("Suggest meta-skills needs an open note, waits for the index to start, and says why when it cannot", async () => {
    const { app, mock, check } = await start();
    expect(check("suggest-meta-skills", true)).toBe(false);
    const leaf = app.workspace.getLeaf(false);
    await leaf.openFile(fileAt(app, NOTE));
    app.workspace.setActiveLeaf(leaf);
    expect(check("suggest-meta-skills", true)).toBe(true);
    check("suggest-meta-skills", false);
    await settle();
    const modal = onlyModal(SuggestSkillsModal);
    // Before the layout is ready the index has not started: the modal waits on context.index.ready.
    expect(modal.contentEl.textContent).toContain("Waiting for the index to finish building");
    // These tests' build has no index worker: once it is known not to start, the modal says why.
    mock.workspace.setLayoutReady__();
    await modal.loaded;
    expect(modal.contentEl.textContent).toContain("The search index is not running: the search index could not start (the status bar says why).");
  });

  it("suggests for the selection when the editor of that note has one, else for the title and body", async () => {
    const { app, plugin } = await start();
    const file = fileAt(app, NOTE);
    expect(await suggestTarget(plugin, file)).toEqual({ path: NOTE, text: "Flaky CI\n\nThe test fails one run in five.", fromSelection: false });
    const editorView = { file, editor: { getSelection: () => "  one run in five " } } as unknown as MarkdownView;
    vi.spyOn(app.workspace, "getActiveViewOfType").mockReturnValue(editorView);
    expect(await suggestTarget(plugin, file)).toEqual({ path: NOTE, text: "one run in five", fromSelection: true });
  });
});
