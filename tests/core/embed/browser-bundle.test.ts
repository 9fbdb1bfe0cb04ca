import { describe, expect, test } from "vitest";
import { readdirSync } from "node:fs";
import { builtinModules } from "node:module";
import * as path from "node:path";
import esbuild from "esbuild";

const EMBED_DIR = path.resolve("src/core/embed");
const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/**
 * The embedding core and transformers.js's web build must bundle for the plugin's worker exactly as
 * the plugin is built (platform browser, no Node built-ins), with onnxruntime-web's plain WASM build.
 */
describe("the embedding core in a browser bundle", () => {
  test("bundles with transformers.js's web build and no Node built-in", async () => {
    const modules = readdirSync(EMBED_DIR).filter((name) => name.endsWith(".ts"));
    const contents = [
      ...modules.map((name) => `export * from ${JSON.stringify(`./${name.replace(/\.ts$/, "")}`)};`),
      'export * as transformers from "@huggingface/transformers";',
    ].join("\n");
    const builtinsAsked: string[] = [];
    const result = await esbuild.build({
      stdin: { contents, resolveDir: EMBED_DIR, loader: "ts" },
      bundle: true,
      write: false,
      platform: "browser",
      format: "iife",
      target: "es2022",
      minify: true,
      logLevel: "silent",
      alias: { "onnxruntime-web/webgpu": "onnxruntime-web/wasm" },
      plugins: [
        {
          name: "record-node-builtins",
          setup(build) {
            build.onResolve({ filter: /.*/ }, (args) => {
              if (NODE_BUILTINS.has(args.path)) builtinsAsked.push(`${args.path} from ${args.importer}`);
              return undefined;
            });
          },
        },
      ],
    });
    expect(builtinsAsked).toEqual([]);
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]!.text;
    // The plain SIMD WASM (the file ORT_WASM_FILE downloads), not the 27 MB asyncify variant.
    expect(code).toContain("ort-wasm-simd-threaded.wasm");
    // The WebGPU build's runtime (whose glue names its asyncify module) is not in this bundle: only the
    // name of its WASM is, as a file the plugin fetches when WebGPU is chosen (default-assets.ts).
    expect(code).not.toContain("ort-wasm-simd-threaded.asyncify.mjs");
    console.log(`worker-side embedding bundle: ${(code.length / 1024).toFixed(0)} KiB minified`);
  });
});
