import { afterEach, describe, expect, it, vi } from "vitest";
import { ObsidianNoteRepository } from "../../../src/adapters/obsidian/obsidian-repository";
import { CaptureModal, SIMILAR_NOTES_CLASS, type CaptureHost } from "../../../src/ui/capture/capture-modal";
import { openModals, settle } from "../../support/obsidian-shims";
import { memoryFixture, rowTitles, type MemoryFixture } from "./memory-fixtures";

function openCapture(fixture: MemoryFixture, withIndex = true): CaptureModal {
  const host: CaptureHost = {
    app: fixture.app,
    repo: new ObsidianNoteRepository(fixture.app),
    settings: () => fixture.settings,
    captured: () => Promise.resolve(),
    ...(withIndex ? { index: fixture.host.index } : {}),
  };
  const modal = new CaptureModal(host);
  modal.open();
  return modal;
}

function type(modal: CaptureModal, text: string): void {
  const el = modal.contentEl.querySelector<HTMLTextAreaElement>("textarea.lifebetter-capture-text");
  if (!el) throw new Error("no text area");
  el.value = text;
  el.dispatchEvent(new Event("input"));
}

const similarEl = (modal: CaptureModal): HTMLElement => {
  const el = modal.contentEl.querySelector<HTMLElement>(`.${SIMILAR_NOTES_CLASS}`);
  if (!el) throw new Error("no similar-notes element");
  return el;
};

afterEach(() => {
  for (const modal of [...openModals]) (modal as CaptureModal).close();
});

describe("similar past notes in the capture modal", () => {
  it("shows up to three notes like the text being typed, private ones left out, and a click opens one in a new tab with the entry still open", async () => {
    const fixture = await memoryFixture();
    const modal = openCapture(fixture);
    type(modal, "the integration tests fail on CI again after the cache warm-up");
    await vi.waitFor(() => expect(rowTitles(similarEl(modal))).toHaveLength(3));
    expect(similarEl(modal).querySelector(".lifebetter-capture-similar-heading")?.textContent).toBe("Similar past notes · open in a new tab");
    expect(rowTitles(similarEl(modal))).not.toContain("Diary");
    expect(similarEl(modal).querySelector("img")).toBeNull();
    // Each suggestion shows where it matched, the typed words marked.
    const snippets = Array.from(similarEl(modal).querySelectorAll(".lifebetter-result-snippet"));
    expect(snippets).toHaveLength(3);
    for (const snippet of snippets) expect(Array.from(snippet.querySelectorAll("mark")).map((m) => m.textContent?.toLowerCase())).toContain("integration");

    const leaves = fixture.app.workspace.getLeavesOfType("").length;
    const first = rowTitles(similarEl(modal))[0];
    similarEl(modal)
      .querySelector<HTMLElement>(".lifebetter-result")
      ?.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    await settle();
    expect(fixture.app.workspace.getActiveFile()?.basename).toBe(first);
    expect(fixture.app.workspace.getLeavesOfType("").length).toBe(leaves + 1);
    expect(openModals.has(modal)).toBe(true);

    // Too little text says too little: the list goes away.
    type(modal, "tests");
    await vi.waitFor(() => expect(rowTitles(similarEl(modal))).toEqual([]));
    expect(similarEl(modal).textContent).toBe("");
  });

  it("shows nothing while the index is building, or when the plugin has no index", async () => {
    const fixture = await memoryFixture();
    fixture.availability.current = { state: "building" };
    const building = openCapture(fixture);
    type(building, "the integration tests fail on CI again after the cache warm-up");
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(similarEl(building).childElementCount).toBe(0);
    building.close();

    fixture.availability.current = { state: "ready", queries: fixture.client };
    const none = openCapture(fixture, false);
    expect(none.similar).toBeNull();
    type(none, "the integration tests fail on CI again after the cache warm-up");
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(similarEl(none).childElementCount).toBe(0);
  });
});
