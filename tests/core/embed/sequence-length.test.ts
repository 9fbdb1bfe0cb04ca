import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import * as transformers from "@huggingface/transformers";
import { loadNodeEmbedder } from "../../../src/adapters/node/node-embedder";
import type { Embedder } from "../../../src/core/embed/embedder";
import { modelProfile } from "../../../src/core/embed/model-catalog";
import { requiredModelFiles } from "../../../src/core/embed/model-source";
import { loadEmbedderFromFiles } from "../../../src/core/embed/web-embedder";
import { buildStaticModel } from "../../support/models/static-model";
import { tempModelRoot } from "../../support/models/temp-models";
import { buildVocabulary } from "../../support/models/vocabulary";
import type { BuiltModel } from "../../support/models/model-folder";

/**
 * A model reads a text up to the sequence length it was trained at (all-MiniLM-L6-v2: 256 word
 * pieces), not its tokenizer's 512: a 1,000-word text is embedded as its first 256 tokens. transformers.js
 * cuts the tail and keeps [CLS] but not [SEP], so that is [CLS] and 255 words; the test model gives
 * both special tokens zero vectors, so the text of those 255 words has the same (normalised) mean.
 * The model is built with the default model's id and a tokenizer that allows 512, as the real one does.
 */
let root: { root: string; cleanup: () => Promise<void> };
let model: BuiltModel;
let other: BuiltModel;
const words = buildVocabulary()
  .filter((entry) => entry.role.kind !== "special" && entry.role.kind !== "faint" && /^[a-z]{3,}$/.test(entry.token))
  .map((entry) => entry.token);
const longText = Array.from({ length: 1000 }, (_, i) => words[(i * 7) % words.length]).join(" ");
const firstWords = (n: number): string => longText.split(" ").slice(0, n).join(" ");

function expectSameVector(a: Float32Array, b: Float32Array): void {
  expect(a.length).toBe(b.length);
  const worst = a.reduce((max, value, i) => Math.max(max, Math.abs(value - (b[i] ?? 0))), 0);
  expect(worst).toBeLessThan(1e-5);
}

async function checkTruncation(embedder: Embedder): Promise<void> {
  expect(embedder.maxTokens).toBe(256);
  const [long, first255] = await embedder.embed([longText, firstWords(255)]);
  expectSameVector(long!, first255!);
}

beforeAll(async () => {
  root = await tempModelRoot();
  model = await buildStaticModel(root.root, { modelId: "Xenova/all-MiniLM-L6-v2" });
  other = await buildStaticModel(root.root, { modelId: "lifebetter-test/plain" });
});
afterAll(() => root.cleanup());

describe("each model reads texts up to its trained sequence length", () => {
  test("the catalog gives each model its sentence-transformers max_seq_length", () => {
    expect(modelProfile("Xenova/all-MiniLM-L6-v2").maxTokens).toBe(256);
    expect(modelProfile("Xenova/multilingual-e5-small").maxTokens).toBe(512);
    expect(modelProfile("Xenova/paraphrase-multilingual-MiniLM-L12-v2").maxTokens).toBe(128);
  });

  test("Node loader: a 1,000-word text is embedded as its first 256 word pieces", async () => {
    expect(words.length).toBeGreaterThan(300);
    const loaded = await loadNodeEmbedder({ model: model.folder });
    if (!loaded.ok) throw new Error(loaded.unavailable.reason);
    await checkTruncation(loaded.embedder);
  });

  test("a model not in the catalog keeps its tokenizer's own limit", async () => {
    const loaded = await loadNodeEmbedder({ model: other.folder });
    if (!loaded.ok) throw new Error(loaded.unavailable.reason);
    expect(loaded.embedder.maxTokens).toBe(512);
    const [long, first511] = await loaded.embedder.embed([longText, firstWords(511)]);
    expectSameVector(long!, first511!);
  });

  test("worker loader (model as bytes): the same cut", async () => {
    const files = new Map<string, Uint8Array<ArrayBuffer>>();
    for (const file of requiredModelFiles("q8")) files.set(file, new Uint8Array(await readFile(path.join(model.folder, file))));
    const loaded = await loadEmbedderFromFiles(transformers, { modelId: "Xenova/all-MiniLM-L6-v2", files, device: "cpu" });
    if (!loaded.ok) throw new Error(loaded.unavailable.reason);
    await checkTruncation(loaded.embedder);
  });
});
