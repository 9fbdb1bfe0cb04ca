// Serves one page script, a test model and onnxruntime's WASM on loopback, opens the page in headless
// Chromium (Debian's chromium) and hands the report the page posts to /result to `onResult`, which
// returns the exit code. Then Chromium is stopped, `work` removed and the process exits with that code.
// Used by tests/browser/worker-in-chromium.mjs and tests/bench/first-index-chromium.mjs.
import { spawn } from "node:child_process";
import { promises as fs } from "node:fs";
import http from "node:http";
import path from "node:path";

/**
 * `files`: more files to serve by URL path (e.g. the WebGPU runtime's WASM). `chromiumArgs`: flags in
 * place of the default "--disable-gpu" (e.g. "--enable-unsafe-webgpu" for a software WebGPU adapter).
 * `isolated`: serve with COOP/COEP headers, so the page is cross-origin isolated (WASM threads).
 * `onMark`: the page fetched /mark/<name> (a phase began, for measurements); `onLaunch`: Chromium's process.
 * @param {{ work: string, title: string, pageJs: string, modelFolder: string, wasm: Buffer, timeoutMs: number, onResult: (report: any) => Promise<number> | number, files?: Record<string, Buffer>, chromiumArgs?: string[], isolated?: boolean, onMark?: (name: string) => void, onLaunch?: (child: import("node:child_process").ChildProcess) => void }} options
 */
export function servePageInChromium({
  work,
  title,
  pageJs,
  modelFolder,
  wasm,
  timeoutMs,
  onResult,
  files = {},
  chromiumArgs = ["--disable-gpu"],
  isolated = false,
  onMark,
  onLaunch,
}) {
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
    if (isolated) {
      res.setHeader("cross-origin-opener-policy", "same-origin");
      res.setHeader("cross-origin-embedder-policy", "require-corp");
    }
    if (files[url]) return void res.end(files[url]);
    if (url.startsWith("/mark/")) {
      onMark?.(decodeURIComponent(url.slice("/mark/".length)));
      return void res.end();
    }
    if (url === "/") return void res.end(`<!doctype html><title>${title}</title><script src="/page.js"></script>`);
    if (url === "/page.js") {
      res.setHeader("content-type", "text/javascript");
      return void res.end(pageJs);
    }
    if (url === "/ort-wasm-simd-threaded.wasm") return void res.end(wasm);
    if (url.startsWith("/model/")) {
      fs.readFile(path.join(modelFolder, url.slice("/model/".length))).then(
        (bytes) => res.end(bytes),
        () => ((res.statusCode = 404), res.end()),
      );
      return;
    }
    if (url === "/result") {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", async () => {
        res.end();
        exitCode = await onResult(JSON.parse(body));
        void finish();
      });
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address();
    chrome = spawn(
      "chromium",
      ["--headless=new", "--no-sandbox", ...chromiumArgs, `--user-data-dir=${path.join(work, "profile")}`, `http://127.0.0.1:${port}/`],
      { stdio: "ignore" },
    );
    onLaunch?.(chrome);
  });
  setTimeout(() => {
    console.log(`No answer from the page within ${Math.round(timeoutMs / 60_000)} minutes.`);
    void finish();
  }, timeoutMs).unref();
}
