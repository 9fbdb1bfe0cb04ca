// The plugin's index worker in a real browser engine (run by worker-in-chromium.test.ts, or by hand).
// Needs Debian's `chromium` (apt-get install chromium). Run: node tests/browser/worker-in-chromium.mjs
// It builds the worker exactly as `npm run build` does, starts it the plugin's way (Blob URL, from
// bundledWorkerStarter), gives it a test model and onnxruntime's WASM as bytes, saves the index to
// the browser's IndexedDB, restarts, and prints what the worker reported. Exit code 0 = all good.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import esbuild from "esbuild";
import { buildWorkerSource, withWorkerSource, worker } from "../../esbuild.config.mjs";
import { buildModelInNode } from "./build-model-in-node.mjs";
import { servePageInChromium } from "./serve-in-chromium.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const work = await fs.mkdtemp(path.join(os.tmpdir(), "lifebetter-chromium-"));

// The test model is built by the tests' own builder (onnx-proto).
const modelFolder = await buildModelInNode(path.join(here, "build-model.ts"), work, root);
const workerSource = await buildWorkerSource({ ...worker, minify: true, logLevel: "silent" });
const pageBuild = await esbuild.build(
  withWorkerSource(
    { entryPoints: [path.join(here, "worker-page.ts")], bundle: true, format: "iife", platform: "browser", target: "es2022", write: false, logLevel: "silent" },
    workerSource,
  ),
);
const pageJs = pageBuild.outputFiles[0].text;
const wasm = await fs.readFile(path.join(root, "node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm"));

servePageInChromium({
  work,
  title: "LifeBetter worker check",
  pageJs,
  modelFolder,
  wasm,
  timeoutMs: 120_000,
  onResult: (report) => {
    console.log(JSON.stringify(report, null, 1));
    return report.ok && report.problems?.length === 0 ? 0 : 1;
  },
});
