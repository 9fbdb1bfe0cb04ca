// The plugin's index worker in a real browser engine (run by worker-in-chromium.test.ts, or by hand).
// Needs Debian's `chromium` (apt-get install chromium). Run: node tests/browser/worker-in-chromium.mjs
// It builds the worker exactly as `npm run build` does, starts it the plugin's way (Blob URL, from
// bundledWorkerStarter), gives it a test model and onnxruntime's WASM as bytes, saves the index to
// the browser's IndexedDB, restarts, and prints what the worker reported. Exit code 0 = all good.
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import esbuild from "esbuild";
import { buildWorkerSource, withWorkerSource, worker } from "../../esbuild.config.mjs";
import { servePageInChromium } from "./serve-in-chromium.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const work = await fs.mkdtemp(path.join(os.tmpdir(), "lifebetter-chromium-"));

// The test model is built by the tests' own builder (onnx-proto), bundled for Node.
const builder = path.join(work, "build-model.mjs");
await esbuild.build({
  entryPoints: [path.join(here, "build-model.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  outfile: builder,
  logLevel: "silent",
  banner: { js: 'import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);' },
});
const modelFolder = execFileSync("node", [builder, path.join(work, "models")], { cwd: root })
  .toString()
  .trim();
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
