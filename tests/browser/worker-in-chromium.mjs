// The plugin's index worker in a real browser engine (run by worker-in-chromium.test.ts, or by hand).
// Needs Debian's `chromium` (apt-get install chromium). Run: node tests/browser/worker-in-chromium.mjs
// It builds the worker exactly as `npm run build` does, starts it the plugin's way (Blob URL, from
// bundledWorkerStarter), gives it a test model and onnxruntime's WASM as bytes, saves the index to
// the browser's IndexedDB, restarts, and prints what the worker reported. Exit code 0 = all good.
import { execFileSync, spawn } from "node:child_process";
import { promises as fs } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import esbuild from "esbuild";
import { buildWorkerSource, withWorkerSource, worker } from "../../esbuild.config.mjs";

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
const modelFolder = execFileSync("node", [builder, path.join(work, "models")], { cwd: root }).toString().trim();
const workerSource = await buildWorkerSource({ ...worker, minify: true, logLevel: "silent" });
const pageBuild = await esbuild.build(
  withWorkerSource({ entryPoints: [path.join(here, "worker-page.ts")], bundle: true, format: "iife", platform: "browser", target: "es2022", write: false, logLevel: "silent" }, workerSource),
);
const pageJs = pageBuild.outputFiles[0].text;
const wasm = await fs.readFile(path.join(root, "node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm"));

let chrome;
let exitCode = 1;
const finish = async () => {
  // Chromium writes its profile until it has exited: wait for that before removing the folder.
  if (chrome && chrome.exitCode === null) {
    const exited = new Promise((resolve) => chrome.once("exit", resolve));
    chrome.kill();
    await exited;
  }
  server.close();
  await fs.rm(work, { recursive: true, force: true, maxRetries: 5 });
  process.exit(exitCode);
};
const server = http.createServer((req, res) => {
  const url = req.url ?? "/";
  if (url === "/") return void res.end('<!doctype html><title>LifeBetter worker check</title><script src="/page.js"></script>');
  if (url === "/page.js") {
    res.setHeader("content-type", "text/javascript");
    return void res.end(pageJs);
  }
  if (url === "/ort-wasm-simd-threaded.wasm") return void res.end(wasm);
  if (url.startsWith("/model/")) {
    fs.readFile(path.join(modelFolder, url.slice("/model/".length))).then((bytes) => res.end(bytes), () => ((res.statusCode = 404), res.end()));
    return;
  }
  if (url === "/result") {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      res.end();
      const report = JSON.parse(body);
      console.log(JSON.stringify(report, null, 1));
      exitCode = report.ok && report.problems?.length === 0 ? 0 : 1;
      void finish();
    });
    return;
  }
  res.statusCode = 404;
  res.end();
});
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address();
  chrome = spawn("chromium", ["--headless=new", "--no-sandbox", "--disable-gpu", `--user-data-dir=${path.join(work, "profile")}`, `http://127.0.0.1:${port}/`], { stdio: "ignore" });
});
setTimeout(() => {
  console.log("No answer from the page within 2 minutes.");
  void finish();
}, 120_000).unref();
