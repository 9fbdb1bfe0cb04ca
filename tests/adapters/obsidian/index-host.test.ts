import { describe, expect, it } from "vitest";
import { IndexHost } from "../../../src/adapters/obsidian/index-host";
import { obsidianNoteSource } from "../../../src/adapters/obsidian/obsidian-note-source";
import { ObsidianNoteRepository } from "../../../src/adapters/obsidian/obsidian-repository";
import type { IndexStorage } from "../../../src/core/index/persistence";
import { FakeEmbedder } from "../../support/fake-embedder";
import { inProcessWorkers } from "../../support/in-process-index-worker";
import { MemoryBinaryFile } from "../../support/memory-binary-file";
import { fileAt, makeApp } from "../../support/obsidian-shims";

const NOTES = {
  "Garden/Tomatoes.md": "# Tomatoes\n\nWater the tomatoes every morning in July.\n",
  "Work/Standup.md": "# Standup\n\nKeep the standup short: three questions.\n",
  "Templates/Daily.md": "# Daily\n\nWhat went well today?\n",
};

function setUp(options: { storage?: IndexStorage; embedder?: boolean; files?: Record<string, string> } = {}) {
  const { app, mock } = makeApp(options.files ?? NOTES);
  const workers = inProcessWorkers(options.embedder ? () => new FakeEmbedder() : undefined);
  const statuses: string[] = [];
  const storage = options.storage ?? new MemoryBinaryFile();
  const host = new IndexHost({
    startWorker: workers.start,
    source: obsidianNoteSource(app, new ObsidianNoteRepository(app)),
    storage,
    showStatus: (text) => statuses.push(text),
  });
  return { app, mock, host, workers, statuses, storage };
}

async function paths(host: IndexHost, query: string): Promise<string[]> {
  const client = host.client;
  if (!client) throw new Error("the index is not running");
  await client.idle();
  return (await client.searchByMeaning(query)).map((result) => result.path);
}

describe("IndexHost", () => {
  it("indexes the vault minus excluded folders and says how many notes are ready", async () => {
    const { host, statuses, workers } = setUp({ embedder: true });
    await host.open({ model: "test/fake", excludedFolders: ["Templates"] });
    expect(statuses).toContain("Indexing 2 / 2");
    expect(statuses.at(-1)).toBe("Index ready · 2 notes");
    expect(workers.configs.map((config) => config.model)).toEqual(["test/fake"]);
    expect(await paths(host, "tomatoes")).toEqual(["Garden/Tomatoes.md"]);
    expect(await paths(host, "went well")).toEqual([]);
  });

  it("shows how computing meaning goes, and says searches work once full text is built", async () => {
    const { app } = makeApp(NOTES);
    const workers = inProcessWorkers(() => new FakeEmbedder());
    const statuses: string[] = [];
    let searchable = 0;
    const host = new IndexHost({
      startWorker: workers.start,
      source: obsidianNoteSource(app, new ObsidianNoteRepository(app)),
      storage: new MemoryBinaryFile(),
      showStatus: (text) => statuses.push(text),
      onSearchable: () => searchable++,
    });
    await host.open({ model: "test/fake", excludedFolders: [] });
    expect(searchable).toBe(1);
    expect(statuses).toContain("Meaning 0 / 3");
    // The rate and time left show once a batch took measurable time (a fake model may take none).
    expect(statuses.some((line) => /^Meaning 3 \/ 3( · [\d.]+\/s · under a minute left)?$/.test(line))).toBe(true);
    expect(statuses.at(-1)).toBe("Index ready · 3 notes");
  });

  it("says why it is full text only when no model was given", async () => {
    const { host, statuses } = setUp();
    await host.open({ model: null, excludedFolders: [] }, "the model download was cancelled");
    expect(statuses.at(-1)).toBe("Full text only — the model download was cancelled");
    expect(await paths(host, "standup")).toEqual(["Work/Standup.md"]);
  });

  it("follows created, modified, renamed and deleted notes, and ignores other files", async () => {
    const { app, mock, host } = setUp();
    await host.open({ model: null, excludedFolders: [] });

    const created = await app.vault.create("Ideas/Kites.md", "# Kites\n\nBuild a kite from bamboo.\n");
    host.created(created.path);
    expect(await paths(host, "bamboo kite")).toEqual(["Ideas/Kites.md"]);

    await app.vault.modify(created, "# Kites\n\nBuild a kite from paper.\n");
    host.modified(created.path);
    expect(await paths(host, "bamboo")).toEqual([]);

    await app.vault.rename(created, "Ideas/Paper kites.md");
    host.renamed("Ideas/Kites.md", "Ideas/Paper kites.md");
    expect(await paths(host, "paper")).toEqual(["Ideas/Paper kites.md"]);

    const standup = mock.vault.getFileByPath("Work/Standup.md");
    if (!standup) throw new Error("no standup note");
    await mock.fileManager.trashFile(standup);
    host.deleted("Work/Standup.md");
    expect(await paths(host, "standup")).toEqual([]);

    await app.vault.create("Ideas/kite.txt", "kite kite kite");
    host.created("Ideas/kite.txt");
    expect(await paths(host, "kite")).toEqual(["Ideas/Paper kites.md"]);
  });

  it("treats a rename to or from another extension as a create or a delete", async () => {
    const { app, host } = setUp();
    await host.open({ model: null, excludedFolders: [] });
    const tomatoes = fileAt(app, "Garden/Tomatoes.md");
    await app.vault.rename(tomatoes, "Garden/Tomatoes.txt");
    host.renamed("Garden/Tomatoes.md", "Garden/Tomatoes.txt");
    expect(await paths(host, "tomatoes")).toEqual([]);
    await app.vault.rename(tomatoes, "Garden/Tomatoes again.md");
    host.renamed("Garden/Tomatoes.txt", "Garden/Tomatoes again.md");
    expect(await paths(host, "tomatoes")).toEqual(["Garden/Tomatoes again.md"]);
  });

  it("saves after the first build and on stop, then stops the worker", async () => {
    const storage = new MemoryBinaryFile();
    const { app, host, workers } = setUp({ storage });
    expect(await host.open({ model: null, excludedFolders: [] })).toMatchObject({ restored: false });
    expect(storage.writes).toBe(1);
    const lanterns = "# New\n\nA fresh note about lanterns.\n";
    await app.vault.create("New.md", lanterns);
    host.created("New.md");
    expect(await host.stop()).toBeNull();
    expect(storage.writes).toBe(2);
    expect(workers.stopped).toBe(1);
    expect(host.client).toBeNull();

    // The next start restores what was saved (and does not save again at once).
    const again = setUp({ storage, files: { ...NOTES, "New.md": lanterns } });
    expect(await again.host.open({ model: null, excludedFolders: [] })).toMatchObject({ restored: true });
    expect(storage.writes).toBe(2);
    expect(await paths(again.host, "lanterns")).toEqual(["New.md"]);
  });

  it("saves between starts only when notes changed", async () => {
    const storage = new MemoryBinaryFile();
    const { app, host } = setUp({ storage });
    await host.open({ model: null, excludedFolders: [] });
    expect(storage.writes).toBe(1);
    expect(await host.saveIfChanged()).toBeNull();
    expect(storage.writes).toBe(1);
    await app.vault.create("Attachment.png", "png");
    host.created("Attachment.png");
    await host.saveIfChanged();
    expect(storage.writes).toBe(1);
    await app.vault.create("Later.md", "# Later\n");
    host.created("Later.md");
    await host.saveIfChanged();
    expect(storage.writes).toBe(2);
    await host.saveIfChanged();
    expect(storage.writes).toBe(2);
  });

  it("stops the worker even when the save never finishes", async () => {
    const hanging: IndexStorage = { read: () => Promise.resolve(null), writeAtomic: () => new Promise<void>(() => undefined) };
    const { app, workers, statuses } = setUp();
    const host = new IndexHost({
      startWorker: workers.start,
      source: obsidianNoteSource(app, new ObsidianNoteRepository(app)),
      storage: hanging,
      showStatus: (text) => statuses.push(text),
      saveTimeoutMs: 1,
    });
    const opening = host.open({ model: null, excludedFolders: [] });
    await expect(host.stop()).resolves.toMatch(/too long to save/);
    expect(workers.stopped).toBe(1);
    await expect(opening).rejects.toThrow(/stopped/);
  });
});
