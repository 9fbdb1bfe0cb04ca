/**
 * The page of tests/bench/first-index-chromium.mjs: the plugin's own worker (bundled as in main.js,
 * started from its Blob URL) indexes the same synthetic vault with 1 and with 2 embedding workers,
 * each into a fresh IndexedDB entry, and reports texts per second for each. Before that, the raw
 * model: one embedding worker of the same bundle embeds exactly the texts the index will embed,
 * in the index's batch size, with nothing else around it (timed from the worker's start as the
 * pipeline is, and from its first batch). BENCH_ROUNDS rounds of those, back to back. Last, a vault BENCH_MEMORY_FACTOR times
 * larger is indexed with 1 worker, so the script can compare peak memory at two vault sizes (it
 * reads Chromium's memory at each /mark/<phase> the page fetches).
 */
import { bundledWorkerStarter } from "../../src/adapters/obsidian/bundled-worker";
import { IndexedDbBinaryFile } from "../../src/adapters/obsidian/indexeddb-binary-file";
import { RemoteEmbedder, type FromEmbedWorker, type ToEmbedWorker } from "../../src/core/embed/remote-embedder";
import type { NoteSource } from "../../src/core/index/index-types";
import { extractNote } from "../../src/core/index/note-record";
import type { MessageEndpoint } from "../../src/core/index/worker-protocol";
import { bytes, loadPageModel } from "../browser/page-model";
import { seededRandom } from "../support/seeded-random";

declare const BENCH_NOTES: number;
/**
 * Words per note: a number, "min-max" for lengths drawn evenly between (a vault's mix of short and
 * long notes), or "corpus" for lengths drawn from BENCH_WORD_COUNTS (a real vault's texts).
 */
declare const BENCH_WORDS: string;
declare const BENCH_WORD_COUNTS: number[];
declare const BENCH_POOLS: number[];
declare const BENCH_MEMORY_FACTOR: number;
/** Rounds of the raw model and every pool, back to back (the first is the one whose CPU and memory are read). */
declare const BENCH_ROUNDS: number;
declare const LIFEBETTER_INDEX_WORKER: string;

const MODEL = "lifebetter-bench/minilm";
/** The index's batch per worker (NoteIndex's embedBatch default). */
const BATCH = 32;
/**
 * Words the test vocabulary holds whole, and some it splits in 2 or 3: 1.3 word pieces per word
 * on average, as English prose has in all-MiniLM-L6-v2's vocabulary (an assumption), so a text of
 * N words costs what N words of a real note cost.
 */
const WORDS =
  "time note idea problem build test fix bread garden review sleep plan write read code merge query index model search fixes gardens reviews builds searched merged planned".split(
    " ",
  );

function makeNotes(count: number, words: string): Record<string, string> {
  const notes: Record<string, string> = {};
  // (A linear congruential step in doubles lost bits and cycled after ~10,000 draws: notes past
  // ~280 repeated earlier ones, so every vault size embedded the same ~480 distinct texts.)
  const next = seededRandom(7);
  const [min = 100, max = min] = words === "corpus" ? [] : words.split("-").map(Number);
  for (let n = 0; n < count; n++) {
    // A corpus length counts the whole text; the title "Note n" is 2 of its words.
    const length =
      words === "corpus"
        ? Math.max(1, (BENCH_WORD_COUNTS[Math.floor(next() * BENCH_WORD_COUNTS.length)] ?? 3) - 2)
        : min + Math.floor(next() * (max - min + 1));
    const body = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]).join(" ");
    notes[`Notes/Note ${n}.md`] = `# Note ${n}\n\n${body}.\n`;
  }
  return notes;
}

function sourceOf(notes: Record<string, string>): NoteSource {
  return {
    listFiles: () => Promise.resolve(Object.keys(notes).map((path) => ({ path, size: notes[path]!.length, mtime: 1000, ctime: 1000 }))),
    readNote: (path) => {
      const text = notes[path];
      return Promise.resolve(text === undefined ? null : { file: { path, size: text.length, mtime: 1000, ctime: 1000 }, text });
    },
  };
}

/** Tells the script a phase begins (it samples Chromium's memory per phase). */
const mark = (name: string): Promise<unknown> => bytes(`/mark/${encodeURIComponent(name)}`).catch(() => null);

/** The texts the index embeds for these notes, each distinct one once (as NoteIndex does). */
function textsOf(notes: Record<string, string>): string[] {
  const texts = new Map<string, string>();
  for (const [path, text] of Object.entries(notes)) {
    for (const t of extractNote({ path, size: text.length, mtime: 1000, ctime: 1000 }, text).embedTexts) if (t.kind !== "mean") texts.set(t.hash, t.text);
  }
  return [...texts.values()];
}

/**
 * The model alone: one embedding worker of the plugin's bundle, called in the index's batches. Timed
 * from the worker's start like the pipeline (so setup counts on both sides), and from its first batch.
 */
async function rawModel(phase: string, texts: string[], files: Map<string, Uint8Array<ArrayBuffer>>, wasmBinary: Uint8Array<ArrayBuffer>) {
  const begin = performance.now();
  const url = URL.createObjectURL(new Blob([LIFEBETTER_INDEX_WORKER], { type: "text/javascript" }));
  const worker = new Worker(url);
  const endpoint: MessageEndpoint<FromEmbedWorker, ToEmbedWorker> = {
    post: (message) => worker.postMessage(message),
    listen: (handler) => void (worker.onmessage = (event: MessageEvent<FromEmbedWorker>) => handler(event.data)),
  };
  const remote = await RemoteEmbedder.start(endpoint, { type: "embed-init", modelId: MODEL, files: new Map(files), wasmBinary }, () => worker.terminate());
  if (!(remote instanceof RemoteEmbedder)) throw new Error(remote.unavailable.reason);
  const loaded = performance.now();
  await mark(`embed:${phase}`);
  for (let start = 0; start < texts.length; start += BATCH) await remote.embed(texts.slice(start, start + BATCH));
  const end = performance.now();
  await remote.dispose();
  URL.revokeObjectURL(url);
  const seconds = (end - begin) / 1000;
  const embedSeconds = (end - loaded) / 1000;
  return {
    texts: texts.length,
    seconds,
    textsPerSecond: texts.length / seconds,
    // Worker start and model load (the pipeline's setup also builds the full text).
    setupSeconds: seconds - embedSeconds,
    embedSeconds,
    embedTextsPerSecond: texts.length / embedSeconds,
  };
}

/** `phase`: the name of this run's marks (the script splits its CPU into setup, embedding and stop). */
async function indexOnce(
  phase: string,
  notes: Record<string, string>,
  workers: number,
  files: Map<string, Uint8Array<ArrayBuffer>>,
  wasmBinary: Uint8Array<ArrayBuffer>,
) {
  const start = bundledWorkerStarter();
  if (!start) throw new Error("no worker in this build");
  const storage = new IndexedDbBinaryFile(`index:bench-${workers}-${Date.now()}`, indexedDB);
  // When the first vector batch was handed out (the model loaded, full text built): the rest is embedding.
  let embedBegan: number | null = null;
  const index = start(sourceOf(notes), storage, (_done, _total, embedding) => {
    if (embedding && embedBegan === null) {
      embedBegan = performance.now();
      void mark(`embed:${phase}`);
    }
  });
  const begin = performance.now();
  await index.client.open({ model: MODEL, modelFiles: { files: new Map(files), wasmBinary }, excludedFolders: [], embedWorkers: workers });
  const end = performance.now();
  const seconds = (end - begin) / 1000;
  const status = await index.client.status();
  await mark(`stop:${phase}`);
  index.stop();
  const started = status.embeddings.state === "ready" ? (status.embeddings.workers ?? 1) : 0;
  const workerLoad = status.embeddings.state === "ready" ? (status.embeddings.workerLoad ?? []) : [];
  const embedSeconds = embedBegan === null ? seconds : (end - embedBegan) / 1000;
  return {
    workers,
    notes: Object.keys(notes).length,
    started,
    seconds,
    embedded: status.embedded,
    textsPerSecond: status.embedded / seconds,
    // Before embedding: worker start, model load in every embedding worker, full text.
    setupSeconds: seconds - embedSeconds,
    embedSeconds,
    embedTextsPerSecond: status.embedded / embedSeconds,
    workerLoad,
  };
}

async function run() {
  const notes = makeNotes(BENCH_NOTES, BENCH_WORDS);
  const { files, wasmBinary } = await loadPageModel();
  await mark("raw");
  const texts = textsOf(notes);
  const wordsPerText = texts.reduce((sum, text) => sum + text.split(/\s+/).filter(Boolean).length, 0) / Math.max(1, texts.length);
  const raw = await rawModel("raw", texts, files, wasmBinary);
  const runs: Awaited<ReturnType<typeof indexOnce>>[] = [];
  for (const workers of BENCH_POOLS) {
    await mark(`pool-${workers}`);
    runs.push(await indexOnce(`pool-${workers}`, notes, workers, files, wasmBinary));
  }
  // More rounds of the same, back to back, so each ratio is taken within a round: one run on a
  // shared machine can be 10–20% slower than the next (the model's own CPU per text varies so).
  const rounds = [{ raw, runs }];
  for (let round = 2; round <= BENCH_ROUNDS; round++) {
    await mark(`round-${round}-raw`);
    const again = { raw: await rawModel(`round-${round}-raw`, texts, files, wasmBinary), runs: [] as typeof runs };
    for (const workers of BENCH_POOLS) {
      await mark(`round-${round}-pool-${workers}`);
      again.runs.push(await indexOnce(`round-${round}-pool-${workers}`, notes, workers, files, wasmBinary));
    }
    rounds.push(again);
  }
  let larger = null;
  if (BENCH_MEMORY_FACTOR > 1) {
    await mark("larger-vault");
    larger = await indexOnce("larger-vault", makeNotes(BENCH_NOTES * BENCH_MEMORY_FACTOR, BENCH_WORDS), 1, files, wasmBinary);
  }
  await mark("done");
  return { notes: BENCH_NOTES, wordsPerNote: BENCH_WORDS, wordsPerText, hardwareConcurrency: navigator.hardwareConcurrency, raw, runs, rounds, larger };
}

run().then(
  (report) => navigator.sendBeacon("/result", JSON.stringify({ ok: true, ...report })),
  (error: unknown) => navigator.sendBeacon("/result", JSON.stringify({ ok: false, error: String(error instanceof Error ? error.stack : error) })),
);
