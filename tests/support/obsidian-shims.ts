/**
 * Local shims for gaps of obsidian-test-mocks 3.11, each
 * bringing the mock closer to what Obsidian itself does. Imported by the Obsidian-side tests only.
 *
 * - Modal.open closes the modal on the next tick: here it stays open until close(), attached to the
 *   document like Obsidian's modals (so focus can be observed).
 * - Scope.register drops the handler: here it is kept, and pressKey() dispatches like Obsidian's
 *   keymap (exact modifiers; a handler returning false prevents the default).
 * - Vault.create overwrites an existing file: Obsidian refuses ("File already exists.").
 * - Every TFile has stat ctime 0: here files get increasing creation times, as on disk.
 * - A note with malformed YAML makes the metadata cache throw inside vault.create: Obsidian keeps
 *   the file and a cache without frontmatter.
 * - Renaming a file leaves its metadata cache under the old path: here the cache moves with it.
 * - Notices are not observable: here each one is recorded with the message it was given.
 * - SettingTab.update() reads the definitions but does not render them: here it renders, as in
 *   Obsidian 1.13.
 * - ButtonComponent/ExtraButtonComponent.onClick do not listen to clicks on their element: here they
 *   do, as in Obsidian, so tests click the element the user clicks.
 * - Workspace.openLinkText does not find a note from a link with a heading or block (`Plan#Steps`):
 *   here it resolves the note part and keeps the subpath, as Obsidian does.
 * - ToggleComponent's element neither shows its value nor listens to clicks: here it has
 *   Obsidian's "is-enabled" class when on, and a click flips it.
 */
import { TFile as TFileOriginal, type App as AppOriginal, type PluginManifest } from "obsidian";
import { afterEach, beforeEach, vi } from "vitest";
import {
  App,
  ButtonComponent,
  ExtraButtonComponent,
  MetadataCache,
  Modal,
  Notice,
  Plugin,
  Scope,
  SettingTab,
  TFile,
  ToggleComponent,
  Vault,
  Workspace,
} from "obsidian-test-mocks/obsidian";

interface KeptHandler {
  key: string | null;
  modifiers: string | null;
  func?: (evt: KeyboardEvent, ctx: unknown) => unknown;
}

export interface RecordedNotice {
  text: string;
  /** What the plugin passed: a string, or the fragment with its live buttons. */
  message: string | DocumentFragment;
}

export const notices: RecordedNotice[] = [];
export const openModals = new Set<object>();

let clock = 1_000_000;
let installed = false;

/** The mock's own method, kept before it is replaced (read without binding: callers pass `this`). */
function original<T extends object, K extends keyof T>(prototype: T, key: K): T[K] {
  const method: T[K] = Reflect.get(prototype, key);
  return method;
}

function install(): void {
  if (installed) return;
  installed = true;

  Modal.prototype.open = function open(this: Modal): void {
    openModals.add(this);
    document.body.appendChild(this.containerEl);
    this.onOpen();
  };
  const close = original(Modal.prototype, "close");
  Modal.prototype.close = function closeModal(this: Modal): void {
    if (!openModals.delete(this)) return;
    close.call(this);
    this.containerEl.remove();
  };

  Scope.prototype.register = function register(this: Scope, modifiers, key, func) {
    const handler = { key, modifiers: modifiers?.join(",") ?? null, scope: this, func } as KeptHandler;
    (this as unknown as { handlers: KeptHandler[] }).handlers.push(handler);
    return handler as never;
  };

  const create = original(Vault.prototype, "create");
  Vault.prototype.create = async function createOnce(this: Vault, path, data, options) {
    if (this.getAbstractFileByPath(path)) throw new Error("File already exists.");
    return create.call(this, path, data, options);
  };

  const createFile = TFile.create__.bind(TFile);
  TFile.create__ = (vault, path) => {
    const file = createFile(vault, path);
    clock += 1000;
    file.stat = { ctime: clock, mtime: clock, size: 0 };
    return file;
  };

  const cache = MetadataCache.prototype as unknown as { parseFileMetadata(file: unknown): void };
  const parse = original(cache, "parseFileMetadata");
  cache.parseFileMetadata = function parseLeniently(this: MetadataCache, file: unknown): void {
    try {
      parse.call(this, file);
    } catch {
      const cache = {};
      (this as unknown as { cache__: Map<string, unknown> }).cache__.set((file as { path: string }).path, cache);
      this.trigger("changed", file, "", cache);
    }
  };

  const buttonClick = original(ButtonComponent.prototype, "onClick");
  ButtonComponent.prototype.onClick = function onClick(this: ButtonComponent, callback) {
    this.buttonEl.addEventListener("click", (evt) => callback(evt));
    return buttonClick.call(this, callback);
  };
  const extraClick = original(ExtraButtonComponent.prototype, "onClick");
  ExtraButtonComponent.prototype.onClick = function onClick(this: ExtraButtonComponent, callback) {
    this.extraSettingsEl.addEventListener("click", () => callback());
    return extraClick.call(this, callback);
  };

  const toggleSet = original(ToggleComponent.prototype, "setValue");
  ToggleComponent.prototype.setValue = function setValue(this: ToggleComponent, value: boolean) {
    this.toggleEl.toggleClass("is-enabled", value);
    if (!this.toggleEl.dataset.clicks) {
      this.toggleEl.dataset.clicks = "on";
      this.toggleEl.addEventListener("click", () => {
        this.setValue(!this.getValue());
      });
    }
    return toggleSet.call(this, value);
  };

  const update = original(SettingTab.prototype, "update");
  SettingTab.prototype.update = function updateAndRender(this: SettingTab): void {
    update.call(this);
    this.renderTab__();
  };

  const openLinkText = original(Workspace.prototype, "openLinkText");
  Workspace.prototype.openLinkText = function openLinkTextWithSubpath(this: Workspace, linktext, sourcePath, newLeaf, openViewState) {
    const hash = linktext.indexOf("#");
    const note = hash >= 0 ? linktext.slice(0, hash) : linktext;
    const state = hash >= 0 ? { ...openViewState, eState: { ...openViewState?.eState, subpath: linktext.slice(hash) } } : openViewState;
    return openLinkText.call(this, note, sourcePath, newLeaf, state);
  };

  const noticeInit = original(Notice.prototype, "constructor__");
  Notice.prototype.constructor__ = function recordNotice(this: Notice, message, duration) {
    notices.push({ text: typeof message === "string" ? message : (message.textContent ?? ""), message });
    noticeInit.call(this, message, duration);
  };
}

install();

/** An Obsidian app over an in-memory vault with these files (parent folders are created). */
export function makeApp(files: Record<string, string> = {}): { app: AppOriginal; mock: App } {
  const mock = App.createConfigured__({ files });
  const caches = (mock.metadataCache as unknown as { cache__: Map<string, unknown> }).cache__;
  mock.vault.on("rename", (file, oldPath) => {
    if (typeof oldPath !== "string") return;
    const cache = caches.get(oldPath);
    if (cache === undefined) return;
    caches.delete(oldPath);
    caches.set((file as { path: string }).path, cache);
  });
  return { app: mock.asOriginalType__(), mock };
}

/** The text of a note in the mock vault, straight from its adapter (no cache). */
export function contentOf(mock: App, path: string): string {
  const file = mock.vault.getFileByPath(path);
  if (!file) throw new Error(`no file at ${path}`);
  return mock.vault.readSync__(file);
}

/** Presses a key in a scope the way Obsidian's keymap does; resolves to whether the default was prevented. */
export function pressKey(scope: Scope | AppOriginal["scope"], key: string, modifiers: string[] = [], target?: EventTarget): boolean {
  const handlers = (scope as unknown as { handlers: KeptHandler[] }).handlers;
  const wanted = modifiers.join(",");
  const handler = handlers.find((candidate) => candidate.key === key && (candidate.modifiers ?? "") === wanted);
  if (!handler?.func) return false;
  const evt = new KeyboardEvent("keydown", { key, shiftKey: modifiers.includes("Shift") });
  if (target) Object.defineProperty(evt, "target", { value: target });
  return handler.func(evt, { key, modifiers: wanted, vkey: key }) === false;
}

/** Lets pending promise chains and zero-delay timers run. */
export async function settle(rounds = 5): Promise<void> {
  for (let round = 0; round < rounds; round++) await new Promise((resolve) => setTimeout(resolve, 0));
}

export const MANIFEST: PluginManifest = {
  id: "lifebetter",
  name: "LifeBetter",
  version: "0.1.0",
  minAppVersion: "1.5.0",
  description: "",
  author: "",
};

/** The mock's view of a plugin, to read what it registered. */
export function registered(plugin: object): Plugin {
  return Plugin.fromOriginalType2__(plugin as never);
}

export function resetNotices(): void {
  notices.length = 0;
}

/**
 * Every test of the calling file runs at `now` (only Date is faked, so debounces and timeouts still run)
 * and starts with no notice and no modal left over from another test.
 */
export function useFixedClock(now: Date | string): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(now);
    resetNotices();
    openModals.clear();
  });
  afterEach(() => {
    vi.useRealTimers();
    openModals.clear();
  });
}

/** The note at `path`, which the test expects to exist. */
export function fileAt(app: AppOriginal, path: string): TFileOriginal {
  const file = app.vault.getAbstractFileByPath(path);
  if (!(file instanceof TFileOriginal)) throw new Error(`no file at ${path}`);
  return file;
}
