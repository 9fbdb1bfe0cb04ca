import { rm } from "node:fs/promises";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleIndexWorker, startIndexWorker } from "../../support/index-worker";
import { MemoryStorage } from "../../support/index-fixtures";
import { MemoryVault } from "../../support/memory-vault";
import { tempStaticModel } from "../../support/models/temp-models";
import type { BuiltModel } from "../../support/models/model-folder";

let bundle: string;
let model: BuiltModel & { cleanup: () => Promise<void> };
beforeAll(async () => {
  [bundle, model] = await Promise.all([bundleIndexWorker(), tempStaticModel()]);
});
afterAll(async () => {
  await model.cleanup();
  await rm(path.dirname(bundle), { recursive: true, force: true });
});

const notes = {
  "Bake.md": "Bake sourdough bread in a hot oven.",
  "Tests.md": "The failing test crashes on every run.",
  "Garden.md": "Water the trees in the garden.",
};

describe("the index in a worker thread, driven by messages", () => {
  it("indexes through the main thread's vault, answers searches, follows events and saves", async () => {
    const vault = new MemoryVault(notes);
    const storage = new MemoryStorage();
    const progress: number[] = [];
    const { client, worker } = startIndexWorker(bundle, vault, storage, (done) => progress.push(done));
    try {
      const opened = await client.open({ model: model.folder, excludedFolders: [], debounceMs: 5 });
      expect(opened.restored).toBe(false);
      expect(progress.at(-1)).toBe(3);
      const status = await client.status();
      expect(status).toMatchObject({ notes: 3, embedded: 3, embeddings: { state: "ready" } });

      // A paraphrase with no shared word: only the model's meaning finds it.
      expect((await client.searchByMeaning("repair the broken check", { limit: 1 }))[0]?.path).toBe("Tests.md");

      vault.rename("Bake.md", "Kitchen/Loaf.md");
      client.renamed("Bake.md", "Kitchen/Loaf.md");
      vault.delete("Garden.md");
      client.deleted("Garden.md");
      await client.idle();
      const after = await client.status();
      expect(after).toMatchObject({ notes: 2, embedded: 3 });
      expect((await client.findSimilar("Kitchen/Loaf.md", { minScore: -1 })).map((r) => r.path)).toEqual(["Tests.md"]);

      await client.save();
      expect(storage.bytes?.length).toBeGreaterThan(16);
    } finally {
      await worker.terminate();
    }
  });

  it("reports a model that cannot be loaded and works on full text", async () => {
    const { client, worker } = startIndexWorker(bundle, new MemoryVault(notes), new MemoryStorage());
    try {
      await client.open({ model: "/no/such/model/folder", excludedFolders: [] });
      const status = await client.status();
      expect(status.embeddings.state).toBe("unavailable");
      expect((await client.searchByMeaning("sourdough"))[0]?.path).toBe("Bake.md");
      await expect(client.findSimilar("Bake.md")).resolves.toEqual(expect.any(Array));
    } finally {
      await worker.terminate();
    }
  });
});
