/**
 * The page of tests/browser/webgpu-in-chromium.mjs: the plugin's worker (bundled as in main.js)
 * indexes the same notes on WASM and on the device the plugin's choice gives (WebGPU when the
 * browser offers an adapter), then reports the device each run used, why not WebGPU, and the cosine
 * between the two runs' note vectors.
 */
import { bundledWorkerStarter } from "../../src/adapters/obsidian/bundled-worker";
import { IndexedDbBinaryFile } from "../../src/adapters/obsidian/indexeddb-binary-file";
import { chooseEmbeddingDevice, type GpuLike } from "../../src/core/embed/embed-device";
import type { NoteSource } from "../../src/core/index/index-types";
import type { WorkerConfig } from "../../src/core/index/worker-protocol";
import { bytes, loadPageModel } from "./page-model";

const WORDS =
  "time note idea problem build test fix bread garden review skill sleep focus plan write read code merge branch cache query index vector model search meaning".split(
    " ",
  );
const NOTES: Record<string, string> = {};
for (let n = 0; n < 4; n++)
  NOTES[`Notes/${n}.md`] = `# Note ${n}\n\n${Array.from({ length: 4 + n * 3 }, (_, i) => WORDS[(i * 7 + n * 3) % WORDS.length]).join(" ")}.\n`;
const source: NoteSource = {
  listFiles: () => Promise.resolve(Object.keys(NOTES).map((path) => ({ path, size: NOTES[path]!.length, mtime: 1000, ctime: 1000 }))),
  readNote: (path) => {
    const text = NOTES[path];
    return Promise.resolve(text === undefined ? null : { file: { path, size: text.length, mtime: 1000, ctime: 1000 }, text });
  },
};

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  a.forEach((x, i) => {
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  });
  return dot / Math.sqrt(na * nb);
}

async function indexWith(config: Partial<WorkerConfig>, name: string) {
  const start = bundledWorkerStarter();
  if (!start) throw new Error("no worker in this build");
  const { files, wasmBinary } = await loadPageModel();
  const gpuWasmBinary = await bytes("/ort-wasm-simd-threaded.asyncify.wasm");
  const index = start(source, new IndexedDbBinaryFile(`index:${name}-${Date.now()}`, indexedDB), () => undefined);
  const begin = performance.now();
  await index.client.open({ model: "lifebetter-bench/minilm", modelFiles: { files, wasmBinary, gpuWasmBinary }, excludedFolders: [], ...config });
  const seconds = (performance.now() - begin) / 1000;
  const status = await index.client.status();
  const vectors = await index.client.noteVectors(Object.keys(NOTES));
  index.stop();
  return { embeddings: status.embeddings, embedded: status.embedded, seconds, vectors };
}

async function run() {
  const gpu = (navigator as Navigator & { gpu?: GpuLike }).gpu;
  const choice = await chooseEmbeddingDevice("auto", gpu);
  const wasm = await indexWith({ device: "wasm" }, "wasm");
  const chosen = await indexWith({ device: choice.device, ...(choice.fallback ? { deviceNote: choice.fallback } : {}) }, "chosen");
  // The worker told to use WebGPU whatever the page found: without an adapter it must fall back by itself.
  const forced = await indexWith({ device: "webgpu" }, "forced");
  const cosines = Object.keys(NOTES).map((path) => cosine(wasm.vectors[path] ?? [], chosen.vectors[path] ?? []));
  const strip = (run: Awaited<ReturnType<typeof indexWith>>) => ({
    embeddings: run.embeddings,
    embedded: run.embedded,
    seconds: run.seconds,
    notesWithVectors: Object.keys(run.vectors).length,
  });
  return { choice, wasm: strip(wasm), chosen: strip(chosen), forced: strip(forced), minCosine: Math.min(...cosines) };
}

run().then(
  (report) => navigator.sendBeacon("/result", JSON.stringify({ ok: true, ...report })),
  (error: unknown) => navigator.sendBeacon("/result", JSON.stringify({ ok: false, error: String(error instanceof Error ? error.stack : error) })),
);
