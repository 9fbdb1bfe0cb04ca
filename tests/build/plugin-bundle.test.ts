import { promises as fs } from "node:fs";
import { builtinModules } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import * as vm from "node:vm";
import { build, type BuildOptions } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The same options and steps `npm run build` uses for main.js.
const config = (await import("../../esbuild.config.mjs")) as {
  plugin: BuildOptions;
  buildWorkerSource: () => Promise<string>;
  withWorkerSource: (options: BuildOptions, source: string) => BuildOptions;
};

/** Every require("x") / import("x") of a Node built-in in a bundle's code. */
function nodeBuiltinsUsed(code: string): string[] {
  const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
  const found = [...code.matchAll(/\b(?:require|import)\s*\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1] ?? "");
  return [...new Set(found.filter((name) => builtins.has(name)))];
}

describe("the plugin bundle", () => {
  let outDir: string;
  let worker: string;
  let main: string;

  beforeAll(async () => {
    outDir = await fs.mkdtemp(path.join(os.tmpdir(), "lifebetter-plugin-"));
    worker = await config.buildWorkerSource();
    const outfile = path.join(outDir, "main.js");
    await build({ ...config.withWorkerSource(config.plugin, worker), outfile, sourcemap: false, logLevel: "silent" });
    main = await fs.readFile(outfile, "utf8");
  });
  afterAll(async () => {
    await fs.rm(outDir, { recursive: true, force: true });
  });

  it("carries the index worker's code as a string, so a release needs no extra file", () => {
    // The worker's own code (its host and its byte-only model loader) is in main.js only as that
    // string: the plugin's code imports neither. (Booleans, not toContain: the texts are megabytes.)
    for (const text of ["function serveIndex", "while loading a model"]) {
      expect(worker.includes(text)).toBe(true);
      expect(main.includes(text)).toBe(true);
    }
    expect(main.length).toBeGreaterThan(worker.length);
    // The build defined the worker: no check for a missing one is left in main.js.
    expect(main).not.toMatch(/typeof LIFEBETTER_INDEX_WORKER/);
  });

  it("pulls in no Node built-in, in main.js or in the worker", () => {
    expect(nodeBuiltinsUsed(main)).toEqual([]);
    expect(nodeBuiltinsUsed(worker)).toEqual([]);
    // The scan itself finds one when there is one.
    expect(nodeBuiltinsUsed('const fs = require("fs"); import("node:path");')).toEqual(["fs", "node:path"]);
  });

  it("loads in a worker-like scope without a DOM (no document, no window)", () => {
    // A Web Worker has neither: a library's DOM build that touches `document` on load kills the
    // worker before it answers (found in Chromium: decode-named-character-reference).
    const scope: Record<string, unknown> = {
      postMessage: () => undefined,
      onmessage: null,
      setTimeout,
      clearTimeout,
      TextEncoder,
      TextDecoder,
      URL,
      WebAssembly,
      crypto,
      console,
      performance,
      Blob,
      Response,
      Headers,
      navigator: { hardwareConcurrency: 2, userAgent: "worker" },
    };
    scope.self = scope;
    scope.globalThis = scope;
    vm.runInContext(worker, vm.createContext(scope));
    expect(typeof scope.onmessage).toBe("function");
  });

  it("bundles no WebAssembly: onnxruntime's WASM files (CPU, and WebGPU's only when chosen) are fetched once, never in main.js", () => {
    expect(worker).not.toContain("ort-wasm-simd-threaded.jsep");
    // "\0asm" is how every WebAssembly module starts; base64 of it would mean a .wasm was inlined.
    for (const code of [worker, main]) expect(code).not.toMatch(/AGFzbQ[A-Za-z0-9+/]{40}/);
  });
});
