// WebGPU against WASM in headless Chromium (run by webgpu-in-chromium.test.ts, or by hand):
//   node tests/browser/webgpu-in-chromium.mjs [--gpu]
// Builds the worker as `npm run build` does, with a model of all-MiniLM-L6-v2's shape (random
// weights), and runs tests/browser/webgpu-page.ts. With --gpu Chromium gets --enable-unsafe-webgpu,
// which gives a software (SwiftShader) adapter on a machine without a graphics card; without it,
// --disable-gpu leaves no adapter, so the plugin's choice must fall back to WASM. Prints the JSON report.
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
const gpu = process.argv.includes("--gpu");
const work = await fs.mkdtemp(path.join(os.tmpdir(), "lifebetter-webgpu-"));

const builder = path.join(work, "build-model.mjs");
await fs.writeFile(
  path.join(work, "build-model.ts"),
  `import { buildMiniLmModel } from ${JSON.stringify(path.join(root, "tests/support/models/minilm-model.ts"))};\nconst built = await buildMiniLmModel(process.argv[2], { modelId: "lifebetter-bench/minilm" });\nconsole.log(built.folder);\n`,
);
await esbuild.build({
  entryPoints: [path.join(work, "build-model.ts")],
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
