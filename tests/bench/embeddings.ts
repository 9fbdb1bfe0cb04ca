import { Worker } from "node:worker_threads";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import * as path from "node:path";
import { loadNodeEmbedder } from "../../src/adapters/node/node-embedder";
import { tempMiniLmModel } from "../support/models/temp-models";
import { buildVocabulary } from "../support/models/vocabulary";
import { WASM_WORKER_SOURCE, type WasmJob, type WasmResult } from "./embeddings-wasm-worker";
import { benchLongNotes, type LongNoteBench } from "./long-notes";

/**
 * Embedding throughput with a model of all-MiniLM-L6-v2's shape (6 layers, 384 dims, random
 * weights: same cost per token as the real model), at about 12 and 128 tokens per text.
 *   node: the real loader (transformers.js on onnxruntime-node, CPU, the q8 file: int8 weights)
 *   wasm: onnxruntime-web's WASM backend in Node with 1 and 2 threads on the q8 file (what the plugin's worker runs)
 */
export interface EmbeddingBench {
  model: string;
  batchSize: number;
  cases: { label: string; tokens: number; texts: number; node: number; wasm1: number; wasm2: number }[];
  unit: "texts per second (median of runs)";
  /** 1-minute load average before and after: other processes on the machine skew these numbers. */
  loadAverage: [number, number];
  cpus: number;
  /** Long notes before and after truncation at 256 and passages (long-notes.ts). */
  longNotes?: LongNoteBench;
}

const BATCH = 32;
const require = createRequire(import.meta.url);

export async function benchEmbeddings(options: { runs?: number; longNotes?: number; longNotesOnly?: boolean } = {}): Promise<EmbeddingBench> {
  const runs = options.runs ?? 3;
  const loadBefore = loadavg()[0] ?? 0;
  const model = await tempMiniLmModel();
  try {
    const loaded = await loadNodeEmbedder({ model: model.folder, batchSize: BATCH });
    if (!loaded.ok) throw new Error(loaded.unavailable.reason);
    const { AutoTokenizer } = await import("@huggingface/transformers");
    const tokenizer = await AutoTokenizer.from_pretrained(path.basename(model.folder));
    const cases: EmbeddingBench["cases"] = [];
    const sizes = options.longNotesOnly
      ? []
      : ([
          ["short (~12 tokens)", 10, 128],
          ["long (~128 tokens)", 126, 32],
        ] as const);
    for (const [label, words, count] of sizes) {
      const texts = sampleTexts(words, count);
      const encoded = texts.map((text) => tokenizer.encode(text));
      const tokens = Math.round(encoded.reduce((sum, ids) => sum + ids.length, 0) / encoded.length);
      await loaded.embedder.embed(texts.slice(0, BATCH)); // warm-up
      const nodeMs: number[] = [];
      for (let r = 0; r < runs; r++) {
        const start = performance.now();
        await loaded.embedder.embed(texts);
        nodeMs.push(performance.now() - start);
      }
      const batches = toBatches(encoded);
      const wasm = async (threads: number): Promise<number> =>
        perSecond(
          count,
          await runWasm({
            ortPath: require.resolve("onnxruntime-web"),
            modelPath: path.join(model.folder, "onnx", "model_quantized.onnx"),
            threads,
            batches,
            repeats: runs,
          }),
        );
      cases.push({ label, tokens, texts: count, node: perSecond(count, nodeMs), wasm1: await wasm(1), wasm2: await wasm(2) });
    }
    await loaded.embedder.dispose?.();
    const longNotes = await benchLongNotes(model.folder, { notes: options.longNotes ?? 4, runs });
    const load: [number, number] = [round(loadBefore), round(loadavg()[0] ?? 0)];
    return {
      model: "MiniLM-shaped (6 layers, 384 dims, random weights)",
      batchSize: BATCH,
      cases,
      unit: "texts per second (median of runs)",
      loadAverage: load,
      cpus: cpus().length,
      longNotes,
    };
  } finally {
    await model.cleanup();
  }
}

/** Texts of `words` vocabulary words each (one token per word), deterministic. */
function sampleTexts(words: number, count: number): string[] {
  const vocabulary = buildVocabulary()
    .filter((entry) => entry.role.kind === "word" || entry.role.kind === "synonym")
    .map((entry) => entry.token);
  return Array.from({ length: count }, (_, i) => Array.from({ length: words }, (_, w) => vocabulary[(i * 7919 + w * 104729) % vocabulary.length]).join(" "));
}

/** Batches of BATCH texts, padded to the longest, as the pipeline feeds them. */
function toBatches(encoded: number[][]): WasmJob["batches"] {
  const batches: WasmJob["batches"] = [];
  for (let start = 0; start < encoded.length; start += BATCH) {
    const rows = encoded.slice(start, start + BATCH);
    const width = Math.max(...rows.map((ids) => ids.length));
    const inputIds = new BigInt64Array(rows.length * width);
    const attentionMask = new BigInt64Array(rows.length * width);
    rows.forEach((ids, row) =>
      ids.forEach((id, col) => {
        inputIds[row * width + col] = BigInt(id);
        attentionMask[row * width + col] = 1n;
      }),
    );
    batches.push({ inputIds, attentionMask, dims: [rows.length, width] });
  }
  return batches;
}

function runWasm(job: WasmJob): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WASM_WORKER_SOURCE, { eval: true, workerData: job });
    worker.once("message", (message: WasmResult & { error?: string }) => {
      void worker.terminate();
      if (message.error) reject(new Error(message.error));
      else resolve(message.msPerRun);
    });
    worker.once("error", reject);
  });
}

function perSecond(texts: number, ms: number[]): number {
  const sorted = [...ms].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  return round((texts / median) * 1000);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
