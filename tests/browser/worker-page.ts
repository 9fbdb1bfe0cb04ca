/**
 * The page of tests/browser/worker-in-chromium.mjs: runs the plugin's worker starter in a browser
 * and posts what happened back to the script, with the expectations that failed.
 */
import { bundledWorkerStarter } from "../../src/adapters/obsidian/bundled-worker";
import { IndexedDbBinaryFile } from "../../src/adapters/obsidian/indexeddb-binary-file";
import type { NoteSource } from "../../src/core/index/index-types";
import { vectorArena } from "../../src/core/index/vector-scan";
import { loadPageModel } from "./page-model";

const NOTES: Record<string, string> = {
  "Work/Tests.md": "# Tests\n\nfix the failing test before lunch.\n",
  "Home/Bread.md": "# Bread\n\nbake sourdough bread on sunday.\n",
  "Home/Garden.md": "# Garden\n\nwater the tomatoes.\n",
};
const source: NoteSource = {
  listFiles: () => Promise.resolve(Object.keys(NOTES).map((path) => ({ path, size: NOTES[path]!.length, mtime: 1000, ctime: 1000 }))),
  readNote: (path) => {
    const text = NOTES[path];
    return Promise.resolve(text === undefined ? null : { file: { path, size: text.length, mtime: 1000, ctime: 1000 }, text });
  },
};
/** A vault large enough that a first index parses its notes in extraction workers (PARALLEL_EXTRACT_FROM). */
const MANY: Record<string, string> = {};
for (let i = 0; i < 300; i++)
  MANY[`Topic ${i % 7}/Note ${i}.md`] = `---\ntags: [t${i % 5}]\n---\n# Note ${i}\n\nsourdough ${i} and [[Note ${i + 1}]] #tag${i % 3}\n`;
const manySource: NoteSource = {
  listFiles: () => Promise.resolve(Object.keys(MANY).map((path) => ({ path, size: MANY[path]!.length, mtime: 1000, ctime: 1000 }))),
  readNote: (path) => {
    const text = MANY[path];
    return Promise.resolve(text === undefined ? null : { file: { path, size: text.length, mtime: 1000, ctime: 1000 }, text });
  },
};

async function run() {
  const start = bundledWorkerStarter();
  if (!start) throw new Error("no worker in this build");
  const { files, wasmBinary } = await loadPageModel();
  const storage = new IndexedDbBinaryFile("index:browser-check", indexedDB);
  const progress: string[] = [];
  const first = start(source, storage, (d, t) => progress.push(`${d}/${t}`));
  const open1 = await first.client.open({ model: "lifebetter-test/wasm", modelFiles: { files, wasmBinary }, excludedFolders: [] });
  const status1 = await first.client.status();
  const search = await first.client.searchByMeaning("repair the broken check");
  const saved = await first.client.save();
  first.stop();
  const second = start(source, storage, () => undefined);
  const open2 = await second.client.open({ model: "lifebetter-test/wasm", modelFiles: { files, wasmBinary }, excludedFolders: [] });
  const status2 = await second.client.status();
  second.stop();
  const storedBytes = (await storage.read())?.length ?? 0;
  // As on a phone: the model runs in the index worker itself, no nested worker.
  const phone = start(source, new IndexedDbBinaryFile("index:browser-check-phone", indexedDB), () => undefined);
  await phone.client.open({ model: "lifebetter-test/wasm", modelFiles: { files, wasmBinary }, excludedFolders: [], embedHere: true });
  const phoneStatus = await phone.client.status();
  const phoneSearch = await phone.client.searchByMeaning("repair the broken check");
  phone.stop();
  // The same vault with two embedding workers (this one and one it starts from its own Blob URL).
  const pooledStorage = new IndexedDbBinaryFile("index:browser-check-pool", indexedDB);
  const pooled = start(source, pooledStorage, () => undefined);
  await pooled.client.open({ model: "lifebetter-test/wasm", modelFiles: { files, wasmBinary }, excludedFolders: [], embedWorkers: 2 });
  const pooledStatus = await pooled.client.status();
  const pooledSearch = await pooled.client.searchByMeaning("repair the broken check");
  pooled.stop();
  // Full text of 300 notes, parsed by two extraction workers started from the worker's Blob URL, and inline.
  const extracting = start(manySource, new IndexedDbBinaryFile("index:browser-check-extract", indexedDB), () => undefined);
  const extractOpen = await extracting.client.open({ model: null, excludedFolders: [], extractWorkers: 2 });
  const extractStatus = await extracting.client.status();
  const extractSearch = await extracting.client.searchByMeaning("sourdough tag1", { limit: 20 });
  extracting.stop();
  const inline = start(manySource, new IndexedDbBinaryFile("index:browser-check-inline", indexedDB), () => undefined);
  const inlineOpen = await inline.client.open({ model: null, excludedFolders: [] });
  const inlineSearch = await inline.client.searchByMeaning("sourdough tag1", { limit: 20 });
  inline.stop();
  // The vector scan's WebAssembly SIMD compiles and scores here as in Node (the same bits as JavaScript).
  const simd = vectorArena(385, 4);
  const script = vectorArena(385, 4, false);
  const vectors = Float32Array.from({ length: 4 * 385 }, (_, i) => Math.sin(i));
  simd.vectors.set(vectors);
  script.vectors.set(vectors);
  const query = Float32Array.from({ length: 385 }, (_, i) => Math.cos(i));
  const simdScan = simd.simd && JSON.stringify(Array.from(simd.scores(query, 4))) === JSON.stringify(Array.from(script.scores(query, 4)));
  const sameScores =
    pooledSearch.length === search.length &&
    pooledSearch.every((hit, i) => hit.path === search[i]?.path && Math.abs(hit.score - (search[i]?.score ?? 0)) < 1e-5);
  const problems = [
    simdScan ? null : "the vector scan did not run in WebAssembly SIMD, or scored otherwise than JavaScript",
    status1.embeddings.state === "ready" ? null : "the model did not load in the worker",
    status1.embedded === 3 ? null : `first start embedded ${status1.embedded} notes, not 3`,
    search[0]?.path === "Work/Tests.md" ? null : "the paraphrase did not find its note first",
    status1.embeddings.state === "ready" && status1.embeddings.workerLoad?.length === 1
      ? null
      : "one embedding worker did not run in a worker of its own (the index worker computed)",
    phoneStatus.embeddings.state === "ready" && phoneStatus.embeddings.workerLoad === undefined && phoneStatus.embedded === 3
      ? null
      : "with embedHere (a phone) the model did not run in the index worker",
    JSON.stringify(phoneSearch.map((hit) => hit.path)) === JSON.stringify(search.map((hit) => hit.path))
      ? null
      : "the index worker's own model ranked differently from an embedding worker's",
    saved === null ? null : `the index was not saved: ${saved}`,
    storedBytes > 0 ? null : "nothing in IndexedDB",
    open2.restored ? null : "the second start did not restore the saved index",
    status2.embedded === 0 ? null : `the second start embedded ${status2.embedded} notes, not 0`,
    pooledStatus.embeddings.state === "ready" && pooledStatus.embeddings.workers === 2 ? null : "the pool did not start a second embedding worker",
    pooledStatus.embedded === 3 ? null : `two embedding workers embedded ${pooledStatus.embedded} notes, not 3`,
    sameScores ? null : "two embedding workers ranked or scored differently from one",
    extractOpen.extractWorkers === 2 ? null : `a first index of 300 notes was parsed by ${extractOpen.extractWorkers ?? 0} extraction workers, not 2`,
    inlineOpen.extractWorkers === undefined ? null : "notes were parsed in workers without extractWorkers",
    extractStatus.notes === 300 ? null : `the extraction workers indexed ${extractStatus.notes} notes, not 300`,
    extractSearch.length > 0 && JSON.stringify(extractSearch) === JSON.stringify(inlineSearch)
      ? null
      : "extraction workers gave other search results than inline",
  ].filter((problem) => problem !== null);
  return {
    problems,
    result: {
      crossOriginIsolated: self.crossOriginIsolated,
      progress,
      open1,
      status1,
      search,
      open2,
      status2,
      storedBytes,
      phoneStatus,
      pooledStatus,
      pooledSearch,
      extractOpen,
    },
  };
}
run().then(
  (report) => navigator.sendBeacon("/result", JSON.stringify({ ok: true, ...report })),
  (error: unknown) => navigator.sendBeacon("/result", JSON.stringify({ ok: false, error: String(error instanceof Error ? error.stack : error) })),
);
