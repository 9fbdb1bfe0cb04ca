// WebGPU against WASM in headless Chromium (run by webgpu-in-chromium.test.ts, or by hand):
//   node tests/browser/webgpu-in-chromium.mjs [--gpu]
// Builds the worker as `npm run build` does, with a model of all-MiniLM-L6-v2's shape (random
// weights), and runs tests/browser/webgpu-page.ts. With --gpu Chromium gets --enable-unsafe-webgpu,
// which gives a software (SwiftShader) adapter on a machine without a graphics card; without it,
// --disable-gpu leaves no adapter, so the plugin's choice must fall back to WASM. Prints the JSON report.
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
const gpu = process.argv.includes("--gpu");
const work = await fs.mkdtemp(path.join(os.tmpdir(), "lifebetter-webgpu-"));

const modelFolder = await buildModelInNode(path.join(here, "build-minilm-model.ts"), work, root);
const quantized = path.join(modelFolder, "onnx/model_quantized.onnx");
await fs.access(quantized).catch(() => fs.copyFile(path.join(modelFolder, "onnx/model.onnx"), quantized));
const workerSource = await buildWorkerSource({ ...worker, minify: true, logLevel: "silent" });
const pageBuild = await esbuild.build(
  withWorkerSource(
    { entryPoints: [path.join(here, "webgpu-page.ts")], bundle: true, format: "iife", platform: "browser", target: "es2022", write: false, logLevel: "silent" },
    workerSource,
  ),
);
const dist = path.join(root, "node_modules/onnxruntime-web/dist");

servePageInChromium({
  work,
  title: "LifeBetter WebGPU check",
  pageJs: pageBuild.outputFiles[0].text,
  modelFolder,
  wasm: await fs.readFile(path.join(dist, "ort-wasm-simd-threaded.wasm")),
  files: { "/ort-wasm-simd-threaded.asyncify.wasm": await fs.readFile(path.join(dist, "ort-wasm-simd-threaded.asyncify.wasm")) },
  chromiumArgs: gpu ? ["--enable-unsafe-webgpu"] : ["--disable-gpu"],
  timeoutMs: 300_000,
  onResult: (report) => {
    console.log(JSON.stringify(report, null, 1));
    return report.ok ? 0 : 1;
  },
});
