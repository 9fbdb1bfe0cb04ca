import { Worker } from "node:worker_threads";
import { Window } from "happy-dom";
import type { IndexClient } from "../../src/core/index/index-client";
import type { FromWorker, ToWorker } from "../../src/core/index/worker-protocol";
import { percentile, round, timed } from "./measure";
import { MemoryStorage, memorySource } from "./memory-source";
import type { SyntheticNote } from "./synthetic-vault";
import { seededRandom } from "../support/seeded-random";

export interface SidebarNumbers {
  /** Active note changed → the view's list shows its similar notes (switch debounce not included). */
  sidebarP50: number;
  sidebarP95: number;
  /** The same findSimilar call through the worker, alone: the floor the view cannot beat. */
  sidebarQueryP50: number;
  sidebarQueryP95: number;
  sidebarRatio: number;
}

const ROUNDS = 100;

/** A DOM in Node (happy-dom) with Obsidian's element helpers, so the real view renders as in Obsidian. */
async function installDom(): Promise<void> {
  const window = new Window({ url: "http://localhost/" });
  // Node has no window: the DOM is installed on Node's global scope itself.
  const scope = global as unknown as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(window)) {
    if (!(key in scope)) scope[key] = (window as unknown as Record<string, unknown>)[key];
  }
  scope.window = window;
  scope.document = window.document;
  const { setup } = await import("obsidian-test-mocks/setup");
  setup();
}

/**
 * The similar-notes sidebar's refresh latency on a synthetic vault: the real view (SimilarNotesView)
 * over the real index in a worker thread, the DOM from happy-dom. For each of ROUNDS notes, the
 * active note changes and the clock runs until the view has rendered that note's similar notes.
 * The baseline is the view's own query (findSimilar through the worker) timed alone in the same run.
 */
export async function benchSidebar(workerFile: string, notes: SyntheticNote[], limit = 10): Promise<SidebarNumbers> {
  await installDom();
  // After the DOM exists: the mocks and the view touch it when they load.
  const { makeApp, fileAt } = await import("../support/obsidian-shims");
  const { ObsidianNoteRepository } = await import("../../src/adapters/obsidian/obsidian-repository");
  const { loadSettings } = await import("../../src/core/settings");
  const { SimilarNotesView } = await import("../../src/ui/index/similar-notes-view");
  const { IndexClient: Client } = await import("../../src/core/index/index-client");

  const worker = new Worker(workerFile);
  const client: IndexClient = new Client(
    { post: (message: ToWorker) => worker.postMessage(message), listen: (handler: (m: FromWorker) => void) => void worker.on("message", handler) },
    memorySource(notes),
    new MemoryStorage(),
  );
  try {
    await client.open({ model: "bench:random", excludedFolders: [] });
    const random = seededRandom(7);
    const picks = Array.from({ length: ROUNDS + 10 }, () => notes[Math.floor(random() * notes.length)]!.path);
    // The mock vault holds the notes the view is asked about (the worker reads all of them from memory).
    const { app } = makeApp(Object.fromEntries(picks.map((path) => [path, notes.find((n) => n.path === path)!.text])));
    const settings = loadSettings({ similarResults: limit });
    const host = {
      app,
      repo: new ObsidianNoteRepository(app),
      settings: () => settings,
      saveSettings: () => Promise.resolve(),
      index: { availability: () => ({ state: "ready" as const, queries: client }), ready: Promise.resolve() },
    };
    const sidebar = app.workspace.getRightLeaf(false);
    const editor = app.workspace.getLeaf(false);
    if (!sidebar) throw new Error("no sidebar leaf");
    const view = new SimilarNotesView(sidebar, host);
    document.body.appendChild(view.containerEl);
    view.load();
    await view.onOpen();
    const options = { limit, excludeLinked: settings.hideLinked, hidePrivate: !settings.showPrivate };

    const refresh: number[] = [];
    const query: number[] = [];
    for (const [round, path] of picks.entries()) {
      await editor.openFile(fileAt(app, path));
      // The active note changes (without the event: its debounced refresh would run on top of the measured one).
      (app.workspace as unknown as { activeLeaf: unknown }).activeLeaf = editor;
      const shown = await timed(() => view.refresh());
      const rows = view.contentEl.querySelectorAll(".lifebetter-result").length;
      if (!view.contentEl.querySelector(".lifebetter-similar-status")?.textContent?.includes(path.split("/").pop()!.replace(/\.md$/, ""))) {
        throw new Error(`the view does not show ${path}`);
      }
      const alone = await timed(() => client.findSimilar(path, options));
      if (alone.value.length !== rows) throw new Error(`the view shows ${rows} notes, the query found ${alone.value.length}`);
      // The first rounds warm up the JIT on both sides.
      if (round < 10) continue;
      refresh.push(shown.ms);
      query.push(alone.ms);
    }
    view.unload();
    const p50 = percentile(refresh, 50);
    const q50 = percentile(query, 50);
    return {
      sidebarP50: round(p50),
      sidebarP95: round(percentile(refresh, 95)),
      sidebarQueryP50: round(q50),
      sidebarQueryP95: round(percentile(query, 95)),
      sidebarRatio: round(p50 / q50),
    };
  } finally {
    client.close();
    await worker.terminate();
  }
}
