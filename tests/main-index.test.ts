import { readFileSync } from "node:fs";
import * as path from "node:path";
import { IDBFactory } from "fake-indexeddb";
import { Platform } from "obsidian";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { IndexedDbBinaryFile } from "../src/adapters/obsidian/indexeddb-binary-file";
import type { IndexServices } from "../src/ui/index/plugin-index";
import type { FetchedResponse } from "../src/core/embed/asset-download";
import { ORT_WASM_FILE } from "../src/core/embed/default-assets";
import { DEFAULT_MODEL_ID } from "../src/core/embed/model-source";
import LifeBetterPlugin from "../src/main";
import { IndexStatusModal } from "../src/ui/index/index-status-panel";
import { openSearch } from "../src/ui/index/register-memory-views";
import { SIMILAR_VIEW_TYPE } from "../src/ui/index/similar-notes-view";
import { INDEX_NOT_READY, ProblemSuggestionsModal } from "../src/ui/problems/problem-suggestions-modal";
import { FakeEmbedder } from "./support/fake-embedder";
import { inProcessWorkers, type InProcessWorkers } from "./support/in-process-index-worker";
import { MANIFEST, makeApp, notices, openModals, registered, resetNotices, settle } from "./support/obsidian-shims";
import { withoutReminder } from "./support/without-reminder";

const NOTES = {
  "Garden/Tomatoes.md": "# Tomatoes\n\nWater the tomatoes every morning in July.\n",
  "Work/Standup.md": "# Standup\n\nKeep the standup short: three questions.\n",
};
// The real WASM of the installed onnxruntime-web: its size and SHA-256 are the pinned ones.
const WASM = (): Uint8Array => new Uint8Array(readFileSync(path.resolve("node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm")));
const offline = (): Promise<FetchedResponse> => Promise.reject(new Error("net::ERR_INTERNET_DISCONNECTED"));

interface Started {
  plugin: LifeBetterPlugin;
  mock: ReturnType<typeof makeApp>["mock"];
  workers: InProcessWorkers;
  storage: IndexedDbBinaryFile;
  /** Saves of the index so far. */
  writes: () => number;
  requested: string[];
  status: () => string;
}

/** The index's status bar item (the work-session timer has its own). */
const indexStatusItems = (plugin: LifeBetterPlugin): HTMLElement[] =>
  registered(plugin).statusBarItems__.filter((el) => el.hasClass("lifebetter-index-status"));

/** The plugin on the mock vault with the real worker host in-process, IndexedDB faked and the network given. */
async function start(
  options: { data?: unknown; fetch?: (url: string) => Promise<FetchedResponse>; embedder?: boolean; workers?: InProcessWorkers; broken?: boolean } = {},
): Promise<Started> {
  const { app, mock } = makeApp(NOTES);
  const plugin = new LifeBetterPlugin(app, MANIFEST);
  // The daily reminder fires by the real clock (21:00 by default): off here, so a run after 21:00 sees no extra notice.
  registered(plugin).data__ = withoutReminder(options.data);
  const workers = options.workers ?? inProcessWorkers(options.embedder ? () => new FakeEmbedder() : undefined);
  const storage = new IndexedDbBinaryFile("index:test", new IDBFactory());
  const requested: string[] = [];
  let writes = 0;
  const fetch = options.fetch ?? offline;
  const services: IndexServices = {
    startWorker: options.broken
      ? (source, storage, onProgress) => {
          // A worker that fails while it opens: its onerror closes the client (create-index-worker.ts).
          const started = workers.start(source, storage, onProgress);
          const { client } = started;
          const open = client.open.bind(client);
          client.open = (config) => {
            const opening = open(config);
            client.close("the index worker failed: Uncaught SyntaxError");
            return opening;
          };
          return started;
        }
      : workers.start,
    fetch: (url) => {
      requested.push(url);
      return fetch(url);
    },
    storage: () => ({
      read: () => storage.read(),
      writeAtomic: (bytes) => {
        writes++;
        return storage.writeAtomic(bytes);
      },
    }),
  };
  plugin.indexServices = services;
  plugin.load();
  await settle();
  mock.workspace.setLayoutReady__();
  const status = (): string =>
    indexStatusItems(plugin)
      .map((el) => el.textContent)
      .join(" | ");
  return { plugin, mock, workers, storage, writes: () => writes, requested, status };
}

beforeEach(() => resetNotices());

/** The plugin loaded with the in-process worker, its layout not ready yet. */
async function startBeforeLayout(): Promise<{ plugin: LifeBetterPlugin; mock: ReturnType<typeof makeApp>["mock"] }> {
  const { app, mock } = makeApp(NOTES);
  const plugin = new LifeBetterPlugin(app, MANIFEST);
  plugin.indexServices = { startWorker: inProcessWorkers().start, fetch: offline, storage: () => new IndexedDbBinaryFile("index:views", new IDBFactory()) };
  plugin.load();
  await settle();
  return { plugin, mock };
}

describe("the search index in the plugin", () => {
  it("falls back to full text when the model cannot be downloaded, says why once, and still finds notes", async () => {
    const { plugin, mock, status } = await start();
    await plugin.indexBuilt;
    expect(status()).toMatch(/^Full text only — "Xenova\/all-MiniLM-L6-v2\/config\.json" could not be downloaded .*ERR_INTERNET_DISCONNECTED$/);
    const told = notices.filter((notice) => notice.text.startsWith("LifeBetter searches by words only"));
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toMatch(/Check the connection and reload the plugin/);

    // A note created after the start reaches the index through the vault's events.
    await mock.vault.create("Ideas/Kites.md", "# Kites\n\nBuild a kite from bamboo.\n");
    const availability = plugin.context.index.availability();
    if (availability.state !== "ready") throw new Error("no index");
    const index = availability.queries;
    await settle();
    await index.idle();
    expect((await index.searchByMeaning("bamboo kite")).map((result) => result.path)).toEqual(["Ideas/Kites.md"]);
    expect(notices.filter((notice) => notice.text.startsWith("LifeBetter searches by words only"))).toHaveLength(1);
  });

  it("downloads the default model once with a progress notice and indexes by meaning", async () => {
    const wasm = WASM();
    const fetch = (url: string): Promise<FetchedResponse> => {
      const body = url === ORT_WASM_FILE.url ? wasm : new TextEncoder().encode(`file at ${url}`);
      return Promise.resolve({ ok: true, status: 200, arrayBuffer: () => Promise.resolve(body.slice().buffer) });
    };
    const { plugin, workers, requested, status } = await start({ fetch, embedder: true });
    await plugin.indexBuilt;
    expect(requested).toHaveLength(5);
    expect(notices.some((notice) => notice.text.startsWith("LifeBetter is downloading its search model"))).toBe(true);
    // Full text while it downloaded, then the model.
    expect(workers.configs.map((config) => config.model)).toEqual([null, DEFAULT_MODEL_ID]);
    expect(workers.configs[1]?.modelFiles?.wasmBinary?.length).toBe(wasm.length);
    // On a computer the model runs in an embedding worker beside the index, so queries answer meanwhile.
    expect(workers.configs[1]?.embedHere).toBe(false);
    expect(status()).toBe("Index ready · 2 notes");
  });

  it("searches by words while the model downloads on a first start, then restarts with the model from the saved full text", async () => {
    const wasm = WASM();
    let release: () => void = () => undefined;
    const downloaded = new Promise<void>((resolve) => (release = resolve));
    const fetch = async (url: string): Promise<FetchedResponse> => {
      await downloaded;
      const body = url === ORT_WASM_FILE.url ? wasm : new TextEncoder().encode(`file at ${url}`);
      return { ok: true, status: 200, arrayBuffer: () => Promise.resolve(body.slice().buffer) };
    };
    const { plugin, workers, status, writes } = await start({ fetch, embedder: true });
    await vi.waitFor(() => expect(plugin.context.index.availability().state).toBe("ready"));
    const during = plugin.context.index.availability();
    if (during.state !== "ready") throw new Error("no index");
    expect((await during.queries.searchByMeaning("standup questions")).map((result) => result.path)).toEqual(["Work/Standup.md"]);
    expect(workers.configs.map((config) => config.model)).toEqual([null]);
    // The download has the status line while it runs.
    expect(status()).toMatch(/download/i);

    release();
    await plugin.indexBuilt;
    await settle();
    expect(workers.configs.map((config) => config.model)).toEqual([null, DEFAULT_MODEL_ID]);
    expect(status()).toBe("Index ready · 2 notes");
    // The full text built during the download was saved when its worker stopped, for the next to restore.
    expect(writes()).toBeGreaterThan(0);
    expect([workers.started, workers.stopped]).toEqual([2, 1]);
    const after = plugin.context.index.availability();
    if (after.state !== "ready") throw new Error("no index");
    expect((await after.queries.searchByMeaning("standup questions"))[0]?.path).toBe("Work/Standup.md");
    expect((await after.queries.status()).embedded).toBe(2);
  });

  it("on a phone, has the index worker compute meaning itself, with one model in memory", async () => {
    const wasm = WASM();
    const fetch = (url: string): Promise<FetchedResponse> => {
      const body = url === ORT_WASM_FILE.url ? wasm : new TextEncoder().encode(`file at ${url}`);
      return Promise.resolve({ ok: true, status: 200, arrayBuffer: () => Promise.resolve(body.slice().buffer) });
    };
    Platform.isMobile = true;
    try {
      const { plugin, workers } = await start({ fetch, embedder: true });
      await plugin.indexBuilt;
      expect(workers.configs.at(-1)).toMatchObject({ model: DEFAULT_MODEL_ID, embedWorkers: 1, extractWorkers: 0, embedHere: true });
    } finally {
      Platform.isMobile = false;
    }
  });

  it("says once why, and how to fix it, when the downloaded model does not load", async () => {
    const served = (url: string): Promise<FetchedResponse> => {
      const body = url === ORT_WASM_FILE.url ? WASM() : new TextEncoder().encode("<html>Sign in</html>");
      return Promise.resolve({ ok: true, status: 200, arrayBuffer: () => Promise.resolve(body.slice().buffer) });
    };
    const workers = inProcessWorkers(() => ({
      unavailable: { reason: "the model files are damaged", fix: "Delete the models folder and reload LifeBetter." },
    }));
    const { plugin, status } = await start({ fetch: served, workers });
    await plugin.indexBuilt;
    expect(status()).toBe("Full text only — the model files are damaged");
    expect(notices.filter((notice) => notice.text.startsWith("LifeBetter searches by words only")).map((notice) => notice.text)).toEqual([
      "LifeBetter searches by words only: the model files are damaged. Delete the models folder and reload LifeBetter.",
    ]);
    expect(plugin.context.index.availability().state).toBe("ready");
  });

  it("shows that the index is unavailable, and leaves no worker, when the worker fails", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { plugin, workers, status } = await start({ data: { semanticIndex: false }, broken: true });
    await plugin.indexBuilt;
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
    expect(status()).toBe("Search index unavailable — the index worker failed: Uncaught SyntaxError");
    expect(plugin.context.index.availability().state).toBe("unavailable");
    expect(workers.stopped).toBe(1);
  });

  it("cancels the download from its notice and says how to get the model later", async () => {
    const { plugin, status } = await start({ fetch: () => new Promise<FetchedResponse>(() => undefined) });
    await settle();
    // The first request hangs: the notice is already there, with its cancel button.
    const downloading = notices.find((notice) => notice.text.startsWith("LifeBetter is downloading"));
    const cancel = downloading ? (downloading.message as DocumentFragment).querySelector("button") : null;
    if (!cancel) throw new Error("no cancel button");
    cancel.click();
    await plugin.indexBuilt;
    expect(status()).toBe("Full text only — the model download was cancelled");
  });

  it("downloads nothing when search by meaning is off", async () => {
    const { plugin, requested, status, workers } = await start({ data: { semanticIndex: false } });
    await plugin.indexBuilt;
    expect(requested).toEqual([]);
    expect(workers.configs[0]?.model).toBeNull();
    expect(status()).toBe("Full text only — search by meaning is off in settings");
    expect(notices).toEqual([]);
  });

  it("saves the index to IndexedDB and stops the worker on unload", async () => {
    const { plugin, workers, storage, writes } = await start({ data: { semanticIndex: false } });
    await plugin.indexBuilt;
    expect(writes()).toBe(1);
    expect((await storage.read())?.length).toBeGreaterThan(0);
    plugin.unload();
    expect(plugin.context.index.availability().state).toBe("unavailable");
    expect(await plugin.indexStopped).toBeNull();
    expect(writes()).toBe(2);
    expect(workers.stopped).toBe(1);
  });

  it("starts no worker when the plugin is disabled before the layout is ready", async () => {
    const { app, mock } = makeApp(NOTES);
    const plugin = new LifeBetterPlugin(app, MANIFEST);
    const workers = inProcessWorkers();
    plugin.indexServices = { startWorker: workers.start, fetch: offline, storage: () => new IndexedDbBinaryFile("index:test", new IDBFactory()) };
    plugin.load();
    await settle();
    plugin.unload();
    mock.workspace.setLayoutReady__();
    await settle();
    expect(workers.started).toBe(0);
    expect(indexStatusItems(plugin)).toEqual([]);
  });

  it("says there is no index when the build has no worker (as in these tests by default)", async () => {
    const { app, mock } = makeApp(NOTES);
    const plugin = new LifeBetterPlugin(app, MANIFEST);
    plugin.load();
    await settle();
    mock.workspace.setLayoutReady__();
    await plugin.indexBuilt;
    expect(indexStatusItems(plugin).map((el) => el.textContent)).toEqual(["Search index unavailable — this build has no index worker"]);
    expect(plugin.context.index.availability().state).toBe("unavailable");
  });

  it("gives the memory views the index: building until it settles, then ready; the search command finds notes", async () => {
    const { plugin, mock } = await startBeforeLayout();
    expect(plugin.context.index.availability()).toEqual({ state: "building" });
    expect(registered(plugin).views__.has(SIMILAR_VIEW_TYPE)).toBe(true);
    mock.workspace.setLayoutReady__();
    await plugin.indexBuilt;
    expect(plugin.context.index.availability().state).toBe("ready");
    const modal = openSearch(plugin.context);
    const query = modal.contentEl.querySelector<HTMLInputElement>(".lifebetter-search-query");
    if (!query) throw new Error("no search field");
    query.value = "tomatoes";
    query.dispatchEvent(new Event("input"));
    await vi.waitFor(() => expect(modal.contentEl.querySelector(".lifebetter-result-title")?.textContent).toBe("Tomatoes"));
    modal.close();
  });

  it("problem suggestions opened before the index has started wait for it, then suggest, instead of saying it is not ready", async () => {
    const { plugin, mock } = await startBeforeLayout();
    const problem = "Work/Standup.md";
    const modal = new ProblemSuggestionsModal(plugin.context, problem, "Keep the standup short");
    modal.open();
    await settle();
    expect(modal.contentEl.textContent).toContain("Looking for similar past problems…");
    mock.workspace.setLayoutReady__();
    await modal.loaded;
    expect(modal.contentEl.textContent).not.toContain(INDEX_NOT_READY);
    expect([...modal.contentEl.querySelectorAll("h3")].map((el) => el.textContent)).toEqual(["Similar past problems", "Suggested meta-skills"]);
    modal.close();
  });
});

describe("the index status item and its panel", () => {
  const servedModel = (url: string): Promise<FetchedResponse> => {
    const body = url === ORT_WASM_FILE.url ? WASM() : new TextEncoder().encode(`file at ${url}`);
    return Promise.resolve({ ok: true, status: 200, arrayBuffer: () => Promise.resolve(body.slice().buffer) });
  };

  function statusItem(plugin: LifeBetterPlugin): HTMLElement {
    const item = registered(plugin).statusBarItems__.find((el) => el.hasClass("lifebetter-index-status"));
    if (!item) throw new Error("no status bar item");
    return item;
  }

  /** The panel the status item opened (the only open modal). */
  async function panel(): Promise<IndexStatusModal> {
    await settle();
    const open = [...openModals].filter((modal) => modal instanceof IndexStatusModal);
    if (open.length !== 1) throw new Error(`${open.length} index panels open`);
    return open[0] as IndexStatusModal;
  }

  function button(modal: IndexStatusModal, text: string): HTMLButtonElement | undefined {
    return [...modal.contentEl.querySelectorAll("button")].find((candidate) => candidate.textContent === text);
  }

  function press(modal: IndexStatusModal, text: string): void {
    const found = button(modal, text);
    if (!found) throw new Error(`no button "${text}" in the panel`);
    found.click();
  }

  afterEach(() => {
    for (const modal of [...openModals]) (modal as IndexStatusModal).close();
  });

  it("is a button: a click and Enter open the panel with the notes, state and excluded folders", async () => {
    const { plugin } = await start({ data: { semanticIndex: false, excludedFolders: ["Archive"] } });
    await plugin.indexBuilt;
    const item = statusItem(plugin);
    expect(item.getAttribute("role")).toBe("button");
    expect(item.getAttribute("tabindex")).toBe("0");

    item.click();
    const modal = await panel();
    expect(modal.titleEl.textContent).toBe("Search index");
    expect(modal.contentEl.textContent).toContain("Full text only — search by meaning is off in settings");
    expect(modal.contentEl.textContent).toContain("2 notes");
    expect(modal.contentEl.textContent).toContain("1 folder left out (Archive)");
    // Saved after the first build, so the time is there.
    expect(modal.contentEl.textContent).toMatch(/Last saved\d{1,2} \w{3} \d{4}, \d{2}:\d{2}/);
    // Off by choice: the fix is the setting, not a download.
    expect(modal.contentEl.textContent).toContain("Turn on search by meaning under Settings");
    expect(button(modal, "Download model")).toBeUndefined();
    modal.close();

    item.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
    expect((await panel()).contentEl.textContent).toContain("Search by meaning");
  });

  it("says why the model is missing and downloads it again from the panel", async () => {
    let online = false;
    const { plugin, status, workers } = await start({ fetch: (url) => (online ? servedModel(url) : offline()), embedder: true });
    await plugin.indexBuilt;
    statusItem(plugin).click();
    const modal = await panel();
    expect(modal.contentEl.textContent).toMatch(/Off: "Xenova\/all-MiniLM-L6-v2\/config\.json" could not be downloaded/);
    expect(modal.contentEl.textContent).toContain("Check the connection");

    online = true;
    press(modal, "Download model");
    await plugin.indexBuilt;
    await settle();
    expect(status()).toBe("Index ready · 2 notes");
    expect(workers.configs.at(-1)?.model).toBe(DEFAULT_MODEL_ID);
    // The open panel followed the change.
    expect(modal.contentEl.textContent).toContain("Ready.");
    expect(button(modal, "Download model")).toBeUndefined();
    expect(plugin.context.index.availability().state).toBe("ready");
  });

  it("shows the download's progress with a cancel button, and cancelling leaves full text", async () => {
    const { plugin, status } = await start({ fetch: () => new Promise<FetchedResponse>(() => undefined) });
    await settle();
    statusItem(plugin).click();
    const modal = await panel();
    expect(status()).toBe("Downloading model 0%");
    expect(modal.contentEl.textContent).toContain("Downloading");
    press(modal, "Cancel download");
    await plugin.indexBuilt;
    await settle();
    expect(status()).toBe("Full text only — the model download was cancelled");
    expect(button(modal, "Cancel download")).toBeUndefined();
    expect(button(modal, "Download model")).toBeDefined();
  });

  it("rebuilds the index from the notes instead of reading the saved one", async () => {
    const { plugin, workers, writes, status } = await start({ data: { semanticIndex: false } });
    await plugin.indexBuilt;
    const before = writes();
    statusItem(plugin).click();
    const modal = await panel();
    press(modal, "Rebuild index");
    await plugin.indexBuilt;
    await settle();
    expect(workers.started).toBe(2);
    expect(workers.stopped).toBe(1);
    // Saved as the old worker stops, then once built again (an index read back is not saved at open).
    expect(writes()).toBe(before + 2);
    expect(status()).toBe("Full text only — search by meaning is off in settings");
    expect(modal.contentEl.textContent).toContain("2 notes");
  });
});
