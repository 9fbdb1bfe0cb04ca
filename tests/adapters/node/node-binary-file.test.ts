import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { NodeBinaryFile } from "../../../src/adapters/node/node-binary-file";
import { EmbeddingCache } from "../../../src/core/embed/embedding-cache";
import { loadEmbeddingCache, saveEmbeddingCache } from "../../../src/core/embed/embedding-cache-store";
import { nodeSha256Texts } from "../../../src/adapters/node/node-text-hash";
import { digestKey, sha256Texts } from "../../../src/core/embed/text-hash";

describe("NodeBinaryFile", () => {
  let folder: string;
  beforeEach(async () => (folder = await mkdtemp(path.join(tmpdir(), "lifebetter-binary-"))));
  afterEach(() => rm(folder, { recursive: true, force: true }));

  test("a missing file reads as null", async () => {
    expect(await new NodeBinaryFile(path.join(folder, "none.bin")).read()).toBeNull();
  });

  test("writes create folders, replace the whole file and leave no temp files", async () => {
    const file = new NodeBinaryFile(path.join(folder, "deep", "cache.bin"));
    await file.writeAtomic(new Uint8Array([1, 2, 3, 4, 5]));
    await file.writeAtomic(new Uint8Array([9, 8]));
    expect(await file.read()).toEqual(new Uint8Array([9, 8]));
    expect(await readdir(path.join(folder, "deep"))).toEqual(["cache.bin"]);
  });

  test("an embedding cache survives a save and a load from disk", async () => {
    const file = new NodeBinaryFile(path.join(folder, "embeddings.bin"));
    const cache = new EmbeddingCache("m#q8", 3);
    const keys = (await sha256Texts(["one", "two"])).map(digestKey);
    cache.set(keys[0]!, new Float32Array([0.1, 0.2, 0.3]));
    cache.set(keys[1]!, new Float32Array([-1, 0, 1]));
    await saveEmbeddingCache(file, cache);
    const loaded = await loadEmbeddingCache(file, "m#q8", 3);
    expect(loaded.status).toBe("loaded");
    expect(loaded.cache.get(keys[0]!)).toEqual(new Float32Array([0.1, 0.2, 0.3]));
    expect(loaded.cache.get(keys[1]!)).toEqual(new Float32Array([-1, 0, 1]));
  });
});

describe("nodeSha256Texts", () => {
  test("gives the same keys as the Web Crypto hasher, so CLI and plugin caches agree", async () => {
    const texts = ["", "a note", "ünïcödé 🧠", "x".repeat(10_000)];
    expect((await nodeSha256Texts(texts)).map(digestKey)).toEqual((await sha256Texts(texts)).map(digestKey));
  });
});
