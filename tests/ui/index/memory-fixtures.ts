import type { App } from "obsidian";
import { onTestFinished, vi } from "vitest";
import { obsidianNoteSource } from "../../../src/adapters/obsidian/obsidian-note-source";
import { ObsidianNoteRepository } from "../../../src/adapters/obsidian/obsidian-repository";
import type { Embedder } from "../../../src/core/embed/embedder";
import type { IndexClient } from "../../../src/core/index/index-client";
import { loadSettings, type LifeBetterSettings } from "../../../src/core/settings";
import type { MemoryContext } from "../../../src/ui/index/memory-context";
import type { IndexAvailability, MemoryQueries } from "../../../src/ui/plugin-context";
import { FakeEmbedder } from "../../support/fake-embedder";
import { inProcessWorkers } from "../../support/in-process-index-worker";
import { MemoryStorage } from "../../support/index-fixtures";
import { fileAt, makeApp } from "../../support/obsidian-shims";

/** A small vault where bag-of-words similarity is easy to predict. */
export const MEMORY_NOTES: Record<string, string> = {
  "Problems/Flaky tests.md": "---\nkind: problem\nstatus: active\n---\nThe integration tests fail on CI one run in five; the cache warm-up races the runner.\n",
  "Entries/Retry.md":
    '---\nkind: entry\ntype: attempt\nproblem: "[[Flaky tests]]"\n---\nRetried the integration tests on CI with the cache warm-up disabled: fewer fail.\n',
  "Entries/Bisect.md": "---\nkind: entry\ntype: question\ntags: [ci]\n---\nWhy do the integration tests fail on CI after the cache warm-up?\n",
  "Entries/Sleep.md": "---\nkind: entry\ntype: insight\n---\nSleeping eight hours makes mornings calm.\n",
  "Journal/Diary.md": "---\nprivate: true\n---\nThe integration tests fail on CI and the cache warm-up annoys me.\n",
  "Notes/<img src=x onerror=alert(1)>.md": "Integration tests fail on CI: the cache warm-up again.\n",
  "Notes/Links here.md": "See [[Flaky tests]]. Integration tests fail on CI with the cache warm-up.\n",
};

export interface MemoryFixture {
  app: App;
  mock: ReturnType<typeof makeApp>["mock"];
  host: MemoryContext;
  settings: LifeBetterSettings;
  client: IndexClient;
  saveSettings: ReturnType<typeof vi.fn>;
  /** Replace to show the index building or unavailable. */
  availability: { current: IndexAvailability<MemoryQueries> };
  /** Resolves the host's `index.ready`. */
  markReady: () => void;
  /** Makes `path` the active note, as opening it in a tab does. */
  activate: (path: string) => Promise<void>;
}

/** The mock vault, the real index worker host in-process (fake embedder, or none) and a memory context over them. */
export async function memoryFixture(options: { notes?: Record<string, string>; model?: boolean; embedder?: Embedder } = {}): Promise<MemoryFixture> {
  const { app, mock } = makeApp(options.notes ?? MEMORY_NOTES);
  const repo = new ObsidianNoteRepository(app);
  const embedder = options.embedder;
  const workers = inProcessWorkers(options.model === false ? undefined : () => embedder ?? new FakeEmbedder());
  const { client, stop } = workers.start(obsidianNoteSource(app, repo), new MemoryStorage(), () => undefined);
  // The worker's debounced saves must not outlive the test that started it.
  onTestFinished(stop);
  await client.open({ model: options.model === false ? null : "test/fake", excludedFolders: [], debounceMs: 5 });
  // As main.ts does: vault events reach the index.
  app.vault.on("modify", (file) => client.modified(file.path));
  app.vault.on("create", (file) => client.created(file.path));
  const settings = loadSettings({});
  const saveSettings = vi.fn(() => Promise.resolve());
  const availability: { current: IndexAvailability<MemoryQueries> } = { current: { state: "ready", queries: client } };
  let markReady = (): void => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const host: MemoryContext = { app, repo, settings: () => settings, saveSettings, index: { availability: () => availability.current, ready } };
  const activate = async (path: string): Promise<void> => {
    const leaf = app.workspace.getLeaf(false);
    await leaf.openFile(fileAt(app, path));
    app.workspace.setActiveLeaf(leaf);
  };
  return { app, mock, host, settings, client, saveSettings, availability, markReady, activate };
}

/** The titles of the rows a list shows, in order. */
export function rowTitles(root: HTMLElement): string[] {
  return Array.from(root.querySelectorAll(".lifebetter-result-title")).map((el) => el.textContent ?? "");
}

export function rowFor(root: HTMLElement, title: string): HTMLElement {
  const row = Array.from(root.querySelectorAll<HTMLElement>(".lifebetter-result")).find(
    (el) => el.querySelector(".lifebetter-result-title")?.textContent === title,
  );
  if (!row) throw new Error(`no row "${title}" in: ${rowTitles(root).join(", ")}`);
  return row;
}
