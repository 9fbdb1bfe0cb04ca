import { WorkspaceLeaf } from "obsidian-test-mocks/obsidian";
import { ObsidianNoteRepository } from "../../src/adapters/obsidian/obsidian-repository";
import { parseNote } from "../../src/core/codec/frontmatter";
import type { IndexClient } from "../../src/core/index/index-client";
import { loadSettings, type LifeBetterSettings } from "../../src/core/settings";
import type { CaptureDraft } from "../../src/ui/capture/capture-draft";
import type { ProblemsContext } from "../../src/ui/problems/problems-context";
import { WorkSessions } from "../../src/ui/problems/work-sessions";
import { settledIndex } from "./index-access";
import { contentOf, makeApp, openModals } from "./obsidian-shims";

/** A problems context over the mock vault that records what the UI asked the plugin to do. */
export function problemsSetup(files: Record<string, string> = {}, options: { settings?: unknown; index?: IndexClient | null } = {}) {
  const { app, mock } = makeApp(files);
  const settings: LifeBetterSettings = loadSettings(options.settings ?? {});
  const captures: CaptureDraft[] = [];
  const opened: string[] = [];
  let saves = 0;
  const host: ProblemsContext = {
    app,
    repo: new ObsidianNoteRepository(app),
    settings: () => settings,
    saveSettings: () => {
      saves++;
      return Promise.resolve();
    },
    index: settledIndex(options.index ?? null),
    capture: (draft) => void captures.push(draft ?? {}),
    openProblem: (path) => {
      opened.push(path);
      return Promise.resolve();
    },
  };
  const statusEl = createDiv();
  const sessions = new WorkSessions(host, statusEl);
  const properties = (path: string): Record<string, unknown> => {
    const parsed = parseNote(contentOf(mock, path));
    if (!parsed.ok) throw new Error(parsed.problem);
    return parsed.properties;
  };
  const leaf = () => WorkspaceLeaf.create2__(mock).asOriginalType3__();
  return { app, mock, settings, host, sessions, statusEl, captures, opened, saves: () => saves, properties, leaf };
}

/** The control a user finds by its label. */
export function control<T extends HTMLElement = HTMLInputElement>(root: HTMLElement, label: string): T {
  const el = root.querySelector<T>(`[aria-label="${label}"]`);
  if (!el) throw new Error(`no control labelled "${label}"`);
  return el;
}

/** Types into a field the way a user does: the value changes, then the element reports it. */
export function typeInto(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event(el.tagName === "SELECT" ? "change" : "input"));
}

/** The button a user reads as `text` (exactly). */
export function button(root: HTMLElement, text: string): HTMLButtonElement {
  const found = [...root.querySelectorAll("button")].find((candidate) => candidate.textContent === text);
  if (!found) throw new Error(`no button "${text}" among: ${[...root.querySelectorAll("button")].map((b) => b.textContent).join(", ")}`);
  return found;
}

export function buttonTexts(root: HTMLElement): string[] {
  return [...root.querySelectorAll("button")].map((candidate) => candidate.textContent ?? "");
}

export function texts(root: HTMLElement, selector: string): string[] {
  return [...root.querySelectorAll(selector)].map((el) => el.textContent ?? "");
}

/** The one open modal of this class (the test fails if there is none or more). */
export function onlyModal<T extends object>(type: abstract new (...args: never[]) => T): T {
  const modals = [...openModals].filter((modal): modal is T => modal instanceof type);
  if (modals.length !== 1) throw new Error(`expected one open ${type.name}, found ${modals.length}`);
  return modals[0] as T;
}
