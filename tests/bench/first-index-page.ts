/**
 * The page of tests/bench/first-index-chromium.mjs: the plugin's own worker (bundled as in main.js,
 * started from its Blob URL) indexes the same synthetic vault with 1 and with 2 embedding workers,
 * each into a fresh IndexedDB entry, and reports texts per second for each.
 */
import { bundledWorkerStarter } from "../../src/adapters/obsidian/bundled-worker";
import { IndexedDbBinaryFile } from "../../src/adapters/obsidian/indexeddb-binary-file";
import type { NoteSource } from "../../src/core/index/index-types";
import { loadPageModel } from "../browser/page-model";

declare const BENCH_NOTES: number;
declare const BENCH_WORDS: number;
declare const BENCH_POOLS: number[];

const WORDS = "time note idea problem build test fix bread garden review skill sleep focus plan write read code merge branch cache query index vector model search meaning session week month habit energy mood".split(" ");

function makeNotes(count: number, words: number): Record<string, string> {
  const notes: Record<string, string> = {};
  let seed = 7;
  const next = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let n = 0; n < count; n++) {
    const body = Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]).join(" ");
    notes[`Notes/Note ${n}.md`] = `# Note ${n}\n\n${body}.\n`;
  }
  return notes;
}

async function run() {
  const start = bundledWorkerStarter();
  if (!start) throw new Error("no worker in this build");
  const notes = makeNotes(BENCH_NOTES, BENCH_WORDS);
  const source: NoteSource = {
    listFiles: () => Promise.resolve(Object.keys(notes).map((path) => ({ path, size: notes[path]!.length, mtime: 1000, ctime: 1000 }))),
    readNote: (path) => {
      const text = notes[path];
      return Promise.resolve(text === undefined ? null : { file: { path, size: text.length, mtime: 1000, ctime: 1000 }, text });
    },
  };
  const { files, wasmBinary } = await loadPageModel();
  const runs: { workers: number; started: number; seconds: number; embedded: number; textsPerSecond: number }[] = [];
  for (const workers of BENCH_POOLS) {
    const storage = new IndexedDbBinaryFile(`index:bench-${workers}-${Date.now()}`, indexedDB);
    const index = start(source, storage, () => undefined);
    const begin = performance.now();
    await index.client.open({ model: "lifebetter-bench/minilm", modelFiles: { files: new Map(files), wasmBinary }, excludedFolders: [], embedWorkers: workers });
    const seconds = (performance.now() - begin) / 1000;
    const status = await index.client.status();
    index.stop();
    const started = status.embeddings.state === "ready" ? (status.embeddings.workers ?? 1) : 0;
    runs.push({ workers, started, seconds, embedded: status.embedded, textsPerSecond: status.embedded / seconds });
  }
  return { notes: BENCH_NOTES, wordsPerNote: BENCH_WORDS, hardwareConcurrency: navigator.hardwareConcurrency, runs };
}

run().then(
  (report) => navigator.sendBeacon("/result", JSON.stringify({ ok: true, ...report })),
  (error: unknown) => navigator.sendBeacon("/result", JSON.stringify({ ok: false, error: String(error instanceof Error ? error.stack : error) })),
);
