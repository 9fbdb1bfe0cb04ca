import { Platform } from "obsidian";
import { describe, expect, it, vi } from "vitest";
import { ObsidianNoteRepository } from "../../../src/adapters/obsidian/obsidian-repository";
import { isRecordId } from "../../../src/core/ids";
import { DEFAULT_SETTINGS, loadSettings, type LifeBetterSettings } from "../../../src/core/settings";
import type { CaptureDraft } from "../../../src/ui/capture/capture-draft";
import { CaptureModal, SIMILAR_NOTES_CLASS, type CaptureHost } from "../../../src/ui/capture/capture-modal";
import { contentOf, makeApp, openModals, pressKey, useFixedClock } from "../../support/obsidian-shims";
import { propertiesOf } from "../../support/note-properties";

const NOW = new Date(2026, 10, 24, 9, 30);
const DAY = "2026-11-24";
const ENTRIES = DEFAULT_SETTINGS.folders.entry;

function setup(files: Record<string, string> = {}, settings: LifeBetterSettings = loadSettings({})) {
  const { app, mock } = makeApp(files);
  const captured = vi.fn<CaptureHost["captured"]>(() => Promise.resolve());
  const host: CaptureHost = { app, repo: new ObsidianNoteRepository(app), settings: () => settings, captured };
  const open = (draft?: CaptureDraft, message?: string): CaptureModal => {
    const modal = new CaptureModal(host, { draft, message });
    modal.open();
    return modal;
  };
  const entries = (): string[] =>
    mock.vault
      .getFiles()
      .map((file) => file.path)
      .filter((path) => path.startsWith(ENTRIES + "/"))
      .sort();
  return { app, mock, captured, open, entries, settings };
}

function field<T extends HTMLElement = HTMLInputElement>(modal: CaptureModal, label: string): T {
  const el = modal.contentEl.querySelector<T>(`[aria-label="${label}"]`);
  if (!el) throw new Error(`no field "${label}"`);
  return el;
}

function textArea(modal: CaptureModal): HTMLTextAreaElement {
  const el = modal.contentEl.querySelector<HTMLTextAreaElement>("textarea.lifebetter-capture-text");
  if (!el) throw new Error("no text area");
  return el;
}

/** Types into a field the way a user does: the value changes, then the element reports it. */
function typeInto(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event(el.tagName === "SELECT" ? "change" : "input"));
}

function errorText(modal: CaptureModal): string {
  return modal.contentEl.querySelector(".lifebetter-capture-error")?.textContent ?? "";
}

useFixedClock(NOW);

describe("capture modal", () => {
  it("creates the entry note with every field the user filled, and closes", async () => {
    const { open, mock, captured, entries } = setup({
      "LifeBetter/Problems/Ship v2.md": "---\nkind: problem\n---\n",
    });
    const modal = open();
    typeInto(textArea(modal), "Tried bisecting the flaky test\nIt is the cache warm-up.");
    typeInto(field<HTMLSelectElement>(modal, "Type"), "attempt");
    typeInto(field(modal, "Approach"), "git bisect over the last 40 commits");
    typeInto(field<HTMLSelectElement>(modal, "Outcome"), "partial");
    typeInto(field(modal, "Time spent (minutes)"), "45");
    typeInto(field(modal, "Problem"), "Ship v2");
    typeInto(field(modal, "Meta-skills"), "Divide and conquer, Rubber duck debugging");
    typeInto(field(modal, "Tags"), "work, #testing ci");
    typeInto(field(modal, "Mood"), "7");
    typeInto(field(modal, "Context"), "Fixing CI before the release");

    expect(await modal.save()).toBe(true);

    const path = `${ENTRIES}/${DAY} Tried bisecting the flaky test.md`;
    expect(entries()).toEqual([path]);
    const text = contentOf(mock, path);
    const properties = propertiesOf(text);
    expect(properties).toMatchObject({
      kind: "entry",
      type: "attempt",
      source: "obsidian",
      problem: "[[Ship v2]]",
      meta_skills: ["[[Divide and conquer]]", "[[Rubber duck debugging]]"],
      tags: ["work", "testing", "ci"],
      mood: 7,
      approach: "git bisect over the last 40 commits",
      outcome: "partial",
      time_spent: 45,
      context: "Fixing CI before the release",
    });
    expect(isRecordId(properties.id)).toBe(true);
    // Sliders the user did not touch are not written.
    expect(properties).not.toHaveProperty("energy");
    expect(properties).not.toHaveProperty("stress");
    expect(text.endsWith("---\nTried bisecting the flaky test\nIt is the cache warm-up.\n")).toBe(true);
    expect(captured).toHaveBeenCalledOnce();
    expect(captured.mock.calls[0]?.[0]).toEqual({ path, id: properties.id });
    expect(openModals.has(modal)).toBe(false);
  });

  it("writes location, feelings, the entry it replies to and the conversation", async () => {
    const { open, mock, entries } = setup({
      "LifeBetter/Entries/2026-11-01 First thought.md": "---\nkind: entry\ntype: insight\n---\nx\n",
      "LifeBetter/Conversations/Caching chat.md": "---\nkind: conversation\n---\nx\n",
    });
    const modal = open({ parent: "2026-11-01 First thought" });
    expect(field(modal, "Reply to").value).toBe("2026-11-01 First thought");
    typeInto(textArea(modal), "A follow-up");
    typeInto(field(modal, "Location"), "https://example.org/page");
    typeInto(field(modal, "Feelings"), "calm, relieved");
    typeInto(field(modal, "Conversation"), "Caching chat");
    expect(await modal.save()).toBe(true);
    const path = entries().find((candidate) => candidate.includes("A follow-up")) ?? "";
    expect(propertiesOf(contentOf(mock, path))).toMatchObject({
      location: "https://example.org/page",
      feelings: ["calm", "relieved"],
      parent: "[[2026-11-01 First thought]]",
      conversation: "[[Caching chat]]",
    });
  });

  it("refuses a reply to a note that does not exist inline and keeps the form open", async () => {
    const { open, entries } = setup();
    const modal = open({ text: "reply", parent: "Nothing here" });
    expect(await modal.save()).toBe(false);
    expect(errorText(modal)).toMatch(/No note named "Nothing here" for the parent entry/);
    expect(entries()).toEqual([]);
    expect(openModals.has(modal)).toBe(true);
  });

  it("picks a new file name instead of overwriting a note with the same name", async () => {
    const existing = `${ENTRIES}/${DAY} Same words.md`;
    const { open, mock, entries } = setup({ [existing]: "my own note\n" });
    const modal = open();
    typeInto(textArea(modal), "Same words");
    expect(await modal.save()).toBe(true);
    expect(entries()).toEqual([`${ENTRIES}/${DAY} Same words 2.md`, existing]);
    expect(contentOf(mock, existing)).toBe("my own note\n");
  });

  it("shows an invalid mood inline, writes nothing and keeps what was typed", async () => {
    const { open, entries, captured } = setup();
    const modal = open({ text: "Felt great after the walk", mood: 11 });
    expect(await modal.save()).toBe(false);
    expect(errorText(modal)).toMatch(/Mood must be a whole number from 1 to 10, not 11/);
    expect(entries()).toEqual([]);
    expect(captured).not.toHaveBeenCalled();
    expect(openModals.has(modal)).toBe(true);
    expect(textArea(modal).value).toBe("Felt great after the walk");

    // Moving the slider fixes it.
    typeInto(field(modal, "Mood"), "8");
    expect(await modal.save()).toBe(true);
    expect(entries()).toHaveLength(1);
  });

  it("writes nothing for a slider the user moved and then cleared", async () => {
    const { open, mock, entries } = setup();
    const modal = open();
    typeInto(textArea(modal), "Cleared my stress rating");
    typeInto(field(modal, "Stress"), "9");
    typeInto(field(modal, "Energy"), "3");
    const stressRow = field(modal, "Stress").closest(".lifebetter-capture-scale");
    const clear = stressRow?.querySelector<HTMLElement>('[aria-label="Clear"]');
    clear?.click();
    expect(clear).toBeTruthy();
    expect(await modal.save()).toBe(true);
    const properties = propertiesOf(contentOf(mock, entries()[0] ?? ""));
    expect(properties).not.toHaveProperty("stress");
    expect(properties.energy).toBe(3);
  });

  it("refuses an empty entry inline", async () => {
    const { open, entries } = setup();
    const modal = open();
    typeInto(textArea(modal), "   ");
    expect(await modal.save()).toBe(false);
    expect(errorText(modal)).toMatch(/no text/);
    expect(entries()).toEqual([]);
  });

  it("shows the reason it was opened with (a URI that could not capture)", () => {
    const { open } = setup();
    const modal = open({ text: "kept" }, 'Unknown entry type "idea".');
    expect(errorText(modal)).toBe('Unknown entry type "idea".');
    expect(textArea(modal).value).toBe("kept");
  });

  it("saves on Enter and Mod+Enter, leaves Shift+Enter to the text and Enter on a button to the button", async () => {
    const { open, entries } = setup();
    const modal = open();
    typeInto(textArea(modal), "First line");
    expect(pressKey(modal.scope, "Enter", ["Shift"])).toBe(false);
    const cancel = [...modal.contentEl.querySelectorAll("button")].find((button) => button.textContent === "Cancel");
    expect(pressKey(modal.scope, "Enter", [], cancel)).toBe(false);
    await Promise.resolve();
    expect(entries()).toEqual([]);

    expect(pressKey(modal.scope, "Enter")).toBe(true);
    await vi.waitFor(() => expect(entries()).toHaveLength(1));

    const second = open();
    typeInto(textArea(second), "Second");
    expect(pressKey(second.scope, "Enter", ["Mod"])).toBe(true);
    await vi.waitFor(() => expect(entries()).toHaveLength(2));
  });

  it("on a phone, lets Enter start a new line in the text and says so", async () => {
    const { open, entries } = setup();
    Platform.isMobile = true;
    try {
      const modal = open();
      typeInto(textArea(modal), "First line");
      expect(pressKey(modal.scope, "Enter", [], textArea(modal))).toBe(false);
      await Promise.resolve();
      expect(entries()).toEqual([]);
      expect(modal.contentEl.querySelector(".lifebetter-capture-hint")?.textContent).toMatch(/starts a new line; tap save/);
      expect(pressKey(modal.scope, "Enter", [], field(modal, "Tags"))).toBe(true);
      await vi.waitFor(() => expect(entries()).toHaveLength(1));
    } finally {
      Platform.isMobile = false;
    }
  });

  it("starts with the last used type and shows each type's own fields", () => {
    const settings = loadSettings({ lastEntryType: "blocker", customEntryTypes: [{ name: "experiment", fields: ["hypothesis", "result"] }] });
    const { open } = setup({}, settings);
    const modal = open();
    const type = field<HTMLSelectElement>(modal, "Type");
    expect(type.value).toBe("blocker");
    expect([...type.options].map((option) => option.value)).toContain("experiment");
    expect(field(modal, "Resolution")).toBeTruthy();

    typeInto(type, "decision");
    expect(modal.contentEl.querySelector('[aria-label="Resolution"]')).toBeNull();
    expect(field(modal, "Expected outcome")).toBeTruthy();
    expect(field(modal, "Review on (YYYY-MM-DD)").type).toBe("date");

    typeInto(type, "experiment");
    expect(field(modal, "Hypothesis")).toBeTruthy();
    expect(field(modal, "Result")).toBeTruthy();
  });

  it("keeps what was typed in a type's fields when the type is switched away and back", async () => {
    const { open, mock, entries } = setup();
    const modal = open({ type: "attempt" });
    typeInto(textArea(modal), "Switching types");
    typeInto(field(modal, "Approach"), "pair with Sam");
    typeInto(field<HTMLSelectElement>(modal, "Type"), "question");
    typeInto(field<HTMLSelectElement>(modal, "Type"), "attempt");
    expect(field(modal, "Approach").value).toBe("pair with Sam");
    expect(await modal.save()).toBe(true);
    expect(propertiesOf(contentOf(mock, entries()[0] ?? ""))).toMatchObject({ type: "attempt", approach: "pair with Sam" });
  });

  it("writes only the chosen type's fields", async () => {
    const { open, mock, entries } = setup();
    const modal = open({ type: "attempt" });
    typeInto(textArea(modal), "A plain insight in the end");
    typeInto(field(modal, "Approach"), "typed before changing my mind");
    typeInto(field<HTMLSelectElement>(modal, "Type"), "insight");
    expect(await modal.save()).toBe(true);
    const properties = propertiesOf(contentOf(mock, entries()[0] ?? ""));
    expect(properties.type).toBe("insight");
    expect(properties).not.toHaveProperty("approach");
  });

  it("has an empty place for similar notes and focuses the text", () => {
    const { open } = setup();
    const modal = open({ text: "prefilled" });
    const similar = modal.contentEl.querySelector(`.${SIMILAR_NOTES_CLASS}`);
    expect(similar).not.toBeNull();
    expect(similar?.childElementCount).toBe(0);
    expect(modal.similarNotesEl).toBe(similar);
    expect(document.activeElement).toBe(textArea(modal));
  });
});
