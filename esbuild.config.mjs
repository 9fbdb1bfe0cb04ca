// Builds two bundles from one source tree:
//  - main.js: the Obsidian plugin (CommonJS, browser platform, no Node built-ins so it runs on mobile),
//    with the index worker's code inlined as a string (a community release ships no worker file)
//  - dist/cli.js: the headless command line for Node
import esbuild from "esbuild";
import { builtinModules } from "node:module";
import { pathToFileURL } from "node:url";

const production = process.argv[2] === "production";

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Fails the plugin build if anything in it reaches for a Node built-in module. */
const forbidNodeBuiltins = {
  name: "forbid-node-builtins",
  setup(build) {
    const filter = new RegExp(`^(${nodeBuiltins.map((m) => m.replace(/[/]/g, "\\/")).join("|")})$`);
    build.onResolve({ filter }, (args) => ({
      errors: [{ text: `The plugin bundle must not import the Node built-in "${args.path}" (imported by ${args.importer}).` }],
    }));
  },
};

/** The index Web Worker (src/worker/index-worker.ts), bundled on its own; the plugin starts it from a Blob. */
export const worker = {
  entryPoints: ["src/worker/index-worker.ts"],
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2022",
  logLevel: "info",
  write: false,
  minify: production,
  treeShaking: true,
  // transformers.js imports onnxruntime's WebGPU build, whose WASM is the 27 MB asyncify variant;
  // the plain build matches the WASM file the plugin downloads (core/embed/default-assets.ts).
  alias: { "onnxruntime-web/webgpu": "onnxruntime-web/wasm" },
  // A worker has no `document`: packages with a "worker" export must not get their DOM build
  // (decode-named-character-reference's calls document.createElement when it loads).
  conditions: ["worker"],
  plugins: [forbidNodeBuiltins],
};

/** Bundles the worker and returns its code, for the plugin bundle's `define`. */
export async function buildWorkerSource(options = worker) {
  const result = await esbuild.build({ ...options, write: false });
  const output = result.outputFiles?.[0];
  if (!output) throw new Error("the index worker bundle produced no output");
  return output.text;
}

/** The plugin's options with the worker's code defined as LIFEBETTER_INDEX_WORKER. */
export function withWorkerSource(options, workerSource) {
  return { ...options, define: { ...options.define, LIFEBETTER_INDEX_WORKER: JSON.stringify(workerSource) } };
}

export const plugin = {
  entryPoints: ["src/main.ts"],
  bundle: true,
  external: [
    "obsidian",
    "electron",
    "@codemirror/*",
    "@lezer/*",
  ],
  format: "cjs",
  platform: "browser",
  target: "es2022",
  logLevel: "info",
  sourcemap: production ? false : "inline",
  treeShaking: true,
  minify: production,
  outfile: "main.js",
  plugins: [forbidNodeBuiltins],
};

export const cli = {
  entryPoints: ["src/cli/main.ts"],
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  logLevel: "info",
  sourcemap: production ? false : "inline",
  outfile: "dist/cli.js",
  banner: {
    // Bundled CommonJS dependencies may call require(); give the ESM bundle one.
    js: "import { createRequire as __lbCreateRequire } from 'node:module';\nconst require = __lbCreateRequire(import.meta.url);",
  },
  // Native and WASM runtimes stay as installed packages; they cannot be inlined.
  external: ["onnxruntime-node", "onnxruntime-web", "sharp", "@huggingface/transformers"],
};

// Build only when run as a script; tests import the options above to bundle the same way.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // The worker is built once first; in watch mode a change to it needs a restart of `npm run dev`.
  const pluginWithWorker = withWorkerSource(plugin, await buildWorkerSource());
  if (production) {
    await Promise.all([esbuild.build(pluginWithWorker), esbuild.build(cli)]);
  } else {
    const contexts = await Promise.all([esbuild.context(pluginWithWorker), esbuild.context(cli)]);
    await Promise.all(contexts.map((c) => c.watch()));
  }
}
