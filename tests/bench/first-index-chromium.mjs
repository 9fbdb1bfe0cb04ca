// `npm run bench -- --first-index`: the first index by meaning as the plugin runs it, in headless Chromium
// (Debian's chromium): the worker bundled as in main.js, a model of all-MiniLM-L6-v2's shape (random
// weights: the same cost per token), onnxruntime-web's WASM, one WASM thread per worker. It indexes one
// synthetic vault with 1 and with 2 embedding workers and prints texts per second and the ratio; with
// --out it also writes the JSON there, and with --summary adds it to that file as "firstIndex". Other processes on the machine skew it: the load average is printed.
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import esbuild from "esbuild";
import { buildWorkerSource, withWorkerSource, worker } from "../../esbuild.config.mjs";
import { servePageInChromium } from "../browser/serve-in-chromium.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const notes = Number(arg("notes", "96"));
const words = Number(arg("words", "100"));
const pools = arg("pools", "1,2").split(",").map(Number);
const out = arg("out", "");
// The bench summary this run's numbers are added to (as "firstIndex"), when given.
const summary = arg("summary", "");
const work = await fs.mkdtemp(path.join(os.tmpdir(), "lifebetter-first-index-"));

const builder = path.join(work, "build-model.mjs");
await fs.writeFile(path.join(work, "build-model.ts"), `import { buildMiniLmModel } from ${JSON.stringify(path.join(root, "tests/support/models/minilm-model.ts"))};\nconst built = await buildMiniLmModel(process.argv[2], { modelId: "lifebetter-bench/minilm" });\nconsole.log(built.folder);\n`);
await esbuild.build({
  entryPoints: [path.join(work, "build-model.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  outfile: builder,
  logLevel: "silent",
  banner: { js: 'import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);' },
});
const modelFolder = execFileSync("node", [builder, path.join(work, "models")], { cwd: root }).toString().trim();
// The builder writes fp32 weights as model.onnx; the worker loads q8's file name, which any ONNX graph may have.
const quantized = path.join(modelFolder, "onnx/model_quantized.onnx");
await fs.access(quantized).catch(() => fs.copyFile(path.join(modelFolder, "onnx/model.onnx"), quantized));
const workerSource = await buildWorkerSource({ ...worker, minify: true, logLevel: "silent" });
const pageBuild = await esbuild.build(
  withWorkerSource(
    {
      entryPoints: [path.join(here, "first-index-page.ts")],
      bundle: true,
      format: "iife",
      platform: "browser",
      target: "es2022",
      write: false,
      logLevel: "silent",
      define: { BENCH_NOTES: String(notes), BENCH_WORDS: String(words), BENCH_POOLS: JSON.stringify(pools) },
    },
    workerSource,
  ),
);
const pageJs = pageBuild.outputFiles[0].text;
const wasm = await fs.readFile(path.join(root, "node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm"));
const loadBefore = os.loadavg()[0];

servePageInChromium({
  work,
  title: "LifeBetter first index",
  pageJs,
  modelFolder,
  wasm,
  timeoutMs: 900_000,
  onResult: async (report) => {
    if (!report.ok) {
      console.log(report.error);
      return 1;
    }
    const base = report.runs.find((r) => r.workers === 1);
    for (const run of report.runs) run.ratioToOne = base ? run.textsPerSecond / base.textsPerSecond : null;
    report.loadAverage = [loadBefore, os.loadavg()[0]];
    report.cpus = os.cpus().length;
    for (const run of report.runs) console.log(`${run.workers} embedding worker(s) (${run.started} started): ${run.embedded} texts in ${run.seconds.toFixed(1)} s = ${run.textsPerSecond.toFixed(1)} texts/s${run.ratioToOne ? `, ${run.ratioToOne.toFixed(2)}× one` : ""}`);
    console.log(`load average ${report.loadAverage.map((l) => l.toFixed(1)).join(" → ")} on ${report.cpus} cores`);
    if (out) await fs.writeFile(out, JSON.stringify(report, null, 2));
    if (summary) {
      const previous = await fs.readFile(summary, "utf8").then(JSON.parse, () => ({}));
      await fs.mkdir(path.dirname(summary), { recursive: true });
      await fs.writeFile(summary, JSON.stringify({ ...previous, firstIndex: report }, null, 2));
    }
    return 0;
  },
});
