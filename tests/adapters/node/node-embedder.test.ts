import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { loadNodeEmbedder } from "../../../src/adapters/node/node-embedder";
import type { Embedder } from "../../../src/core/embed/embedder";
import type { EmbedderLoad } from "../../../src/core/embed/embedder-load";
import { tempModelRoot, tempStaticModel } from "../../support/models/temp-models";
import { buildStaticModel } from "../../support/models/static-model";
import type { BuiltModel } from "../../support/models/model-folder";

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

function loaded(result: EmbedderLoad): Embedder {
  if (!result.ok) throw new Error(`${result.unavailable.reason} — ${result.unavailable.fix}`);
  return result.embedder;
}

describe("loadNodeEmbedder with the static test model (real transformers.js loading and pooling)", () => {
  let model: BuiltModel & { cleanup: () => Promise<void> };
  let embedder: Embedder;
  beforeAll(async () => {
    model = await tempStaticModel();
    embedder = loaded(await loadNodeEmbedder({ model: model.folder, batchSize: 4 }));
  });
  afterAll(async () => {
    await embedder.dispose?.();
    await model.cleanup();
  });

  test("names the model by folder, dtype and pooling, with the model's dimensions", () => {
    expect(embedder.dimensions).toBe(384);
    expect(embedder.modelId).toBe(`folder:${model.folder}#q8#mean-normalized`);
  });

  test("a paraphrase outranks an unrelated text", async () => {
    const [query, paraphrase, unrelated] = await embedder.embed(["fix the failing test", "repair the broken check", "bake sourdough bread"]);
    expect(dot(query!, paraphrase!)).toBeGreaterThan(0.6);
    expect(dot(query!, paraphrase!)).toBeGreaterThan(dot(query!, unrelated!) + 0.4);
  });

  test("ranks notes by meaning for natural queries", async () => {
    const notes = [
      "How to sync your vault to your phone with Obsidian Sync",
      "Customize the appearance with themes and CSS snippets",
      "Recover a deleted note from a backup snapshot",
      "Assign hotkeys to commands",
      "Bake sourdough bread at home",
    ];
    const queries: [string, number][] = [
      ["synchronize notes with my iphone", 0],
      ["change the colour and style", 1],
      ["restore a removed page from history", 2],
      ["keyboard shortcut for an action", 3],
      ["oven recipe for a loaf", 4],
    ];
    const noteVectors = await embedder.embed(notes);
    const queryVectors = await embedder.embed(queries.map(([query]) => query));
    queries.forEach(([query, expected], i) => {
      const scores = noteVectors.map((note) => dot(queryVectors[i]!, note));
      const best = scores.indexOf(Math.max(...scores));
      expect(notes[best], query).toBe(notes[expected]);
    });
  });

  test("vectors are unit length, and batching and length-sorting keep each text's own vector", async () => {
    const texts = ["a much longer text about the daily journal and the habits in it", "tag", "vault sync", "delete the folder", "one more note here"];
    const together = await embedder.embed(texts);
    for (const [i, text] of texts.entries()) {
      const [alone] = await embedder.embed([text]);
      expect(Math.hypot(...together[i]!)).toBeCloseTo(1, 5);
      for (let d = 0; d < 384; d++) expect(together[i]![d]).toBeCloseTo(alone![d]!, 5);
    }
  });

  test("an empty list embeds nothing", async () => {
    expect(await embedder.embed([])).toEqual([]);
  });
});

describe("loadNodeEmbedder when the model cannot be loaded", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ root, cleanup } = await tempModelRoot()));
  afterAll(() => cleanup());

  async function damagedModel(name: string, damage: (model: BuiltModel) => Promise<void>): Promise<BuiltModel> {
    const model = await buildStaticModel(root, { modelId: `damaged/${name}` });
    await damage(model);
    return model;
  }

  async function unavailableFor(options: Parameters<typeof loadNodeEmbedder>[0]): Promise<{ reason: string; fix: string }> {
    const result = await loadNodeEmbedder(options);
    if (result.ok) throw new Error("the model loaded");
    expect(result.unavailable.fix.length).toBeGreaterThan(20);
    return result.unavailable;
  }

  test("a folder that does not exist", async () => {
    const missing = path.join(root, "no-such-model");
    expect((await unavailableFor({ model: missing })).reason).toBe(`the model folder "${missing}" does not exist`);
  });

  test("a folder without its tokenizer", async () => {
    const model = await damagedModel("no-tokenizer", (m) => rm(path.join(m.folder, "tokenizer.json")));
    expect((await unavailableFor({ model: model.folder })).reason).toMatch(/is missing tokenizer\.json/);
  });

  test("corrupt or truncated weights", async () => {
    const garbage = await damagedModel("garbage", (m) => writeFile(path.join(m.folder, "onnx/model_quantized.onnx"), "not an onnx model"));
    const truncated = await damagedModel("truncated", async (m) => {
      const file = path.join(m.folder, "onnx/model_quantized.onnx");
      const bytes = await readFile(file);
      await writeFile(file, bytes.subarray(0, bytes.length >> 1));
    });
    for (const model of [garbage, truncated]) {
      const { reason, fix } = await unavailableFor({ model: model.folder });
      expect(reason).toContain(`the model in "${model.folder}" could not be loaded`);
      expect(reason).toMatch(/protobuf|parse|load/i);
      expect(fix).toMatch(/complete transformers\.js model/);
    }
  });

  test("a corrupt tokenizer", async () => {
    const model = await damagedModel("bad-tokenizer", (m) => writeFile(path.join(m.folder, "tokenizer.json"), "{ not json"));
    expect((await unavailableFor({ model: model.folder })).reason).toMatch(/could not be loaded \(.*JSON/);
  });

  test("a model id on the first run while offline", async () => {
    // Port 9 (discard) on localhost refuses connections at once: offline without waiting on a timeout.
    const { reason, fix } = await unavailableFor({ model: "Xenova/all-MiniLM-L6-v2", cacheDir: path.join(root, "cache"), remoteHost: "http://127.0.0.1:9/" });
    expect(reason).toMatch(/could not be downloaded: no connection/);
    expect(fix).toMatch(/Connect to the internet once|local model folder/);
  });

  test("a model id never downloaded, with downloads off", async () => {
    const { reason } = await unavailableFor({ model: "Xenova/all-MiniLM-L6-v2", cacheDir: path.join(root, "cache"), allowDownload: false });
    expect(reason).toMatch(/has not been downloaded yet and downloads are turned off/);
  });
});

describe("loadNodeEmbedder with a model id: downloaded once, then used offline", () => {
  let model: BuiltModel & { cleanup: () => Promise<void> };
  let server: Server;
  let host: string;
  const requests: string[] = [];
  beforeAll(async () => {
    model = await tempStaticModel({ modelId: "lifebetter-test/hub-model" });
    // A stand-in for the Hub: /<org>/<name>/resolve/main/<file> served from the built model folder.
    server = createServer((request, response) => {
      const url = request.url ?? "";
      requests.push(url);
      const match = /^\/lifebetter-test\/hub-model\/resolve\/main\/(.+)$/.exec(url.split("?")[0] ?? "");
      readFile(path.join(model.folder, ...(match?.[1] ?? "missing").split("/")))
        .then((bytes) => response.writeHead(200, { "content-length": bytes.length }).end(bytes))
        .catch(() => response.writeHead(404).end());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    host = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    server.close();
    await model.cleanup();
  });

  test("the first load downloads into the cache; later loads need no server", async () => {
    const cacheDir = path.join(model.localModelPath, "download-cache");
    const first = loaded(await loadNodeEmbedder({ model: "lifebetter-test/hub-model", cacheDir, remoteHost: host }));
    expect(first.modelId).toBe("lifebetter-test/hub-model#q8#mean-normalized");
    expect(requests.some((url) => url.endsWith("onnx/model_quantized.onnx"))).toBe(true);
    const [a] = await first.embed(["fix the failing test"]);

    requests.length = 0;
    const offline = loaded(await loadNodeEmbedder({ model: "lifebetter-test/hub-model", cacheDir, allowDownload: false }));
    const [b] = await offline.embed(["fix the failing test"]);
    expect(requests).toEqual([]);
    expect(b).toEqual(a);
  });
});
