// Builds two bundles from one source tree:
//  - main.js: the Obsidian plugin (CommonJS, browser platform, no Node built-ins so it runs on mobile),
//    with the index worker's code inlined as a string (a community release ships no worker file)
//  - dist/cli.js: the headless command line for Node
import esbuild from "esbuild";
import { builtinModules } from "node:module";
import { pathToFileURL } from "node:url";
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

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

/**
 * The embedding worker for WebGPU (src/worker/gpu-embed-worker.ts): onnxruntime-web's WebGPU build
 * (no alias), so its WASM is the asyncify file the plugin fetches only when WebGPU is chosen. The
 * index worker carries its code as a string (LIFEBETTER_GPU_WORKER) and starts it from a Blob.
 */
export const gpuWorker = { ...worker, entryPoints: ["src/worker/gpu-embed-worker.ts"], alias: {} };

async function bundleText(options) {
  const result = await esbuild.build({ ...options, write: false });
  const output = result.outputFiles?.[0];
  if (!output) throw new Error(`${options.entryPoints[0]} produced no output`);
  return output.text;
}

/** Bundles the worker (with the GPU embedding worker inside) and returns its code, for the plugin bundle's `define`. */
export async function buildWorkerSource(options = worker) {
  const gpuSource = await bundleText({ ...gpuWorker, minify: options.minify, logLevel: options.logLevel });
  return bundleText({ ...options, define: { ...options.define, LIFEBETTER_GPU_WORKER: JSON.stringify(gpuSource) } });
}

/** The plugin's options with the worker's code defined as LIFEBETTER_INDEX_WORKER. */
export function withWorkerSource(options, workerSource) {
  return { ...options, define: { ...options.define, LIFEBETTER_INDEX_WORKER: JSON.stringify(workerSource) } };
}

export const plugin = {
  entryPoints: ["src/main.ts"],
  bundle: true,
  external: ["obsidian", "electron", "@codemirror/*", "@lezer/*"],
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

/** The CLI's extraction worker (a first index parses notes on spare cores), beside dist/cli.js. */
export const cliExtractWorker = { ...cli, entryPoints: ["src/adapters/node/extract-worker-node.ts"], outfile: "dist/extract-worker.mjs" };

/**
 * `node esbuild.config.mjs install VAULT [--config-dir .obsidian]` (npm run install-plugin -- VAULT):
 * copies what a community release ships — main.js, manifest.json, styles.css — into the vault.
 */
function installInto(args) {
  const { values, positionals } = parseArgs({ args, options: { "config-dir": { type: "string", default: ".obsidian" } }, allowPositionals: true });
  const vault = positionals[0];
  if (!vault || !existsSync(vault) || !statSync(vault).isDirectory()) {
    console.error(vault ? `The vault folder "${vault}" does not exist.` : "Usage: npm run install-plugin -- /path/to/vault [--config-dir .obsidian]");
    process.exit(2);
  }
  const files = ["main.js", "manifest.json", "styles.css"];
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    console.error(`Missing ${missing.join(", ")}: run "npm ci && npm run build" first.`);
    process.exit(1);
  }
  const { id } = JSON.parse(readFileSync("manifest.json", "utf8"));
  const target = join(vault, values["config-dir"], "plugins", id);
  mkdirSync(target, { recursive: true });
  for (const file of files) copyFileSync(file, join(target, file));
  console.log(`Installed LifeBetter into ${target}.`);
  console.log('In Obsidian: Settings → Community plugins → turn on "LifeBetter" (reload Obsidian if it was open).');
}

// Build only when run as a script; tests import the options above to bundle the same way.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] === "install") {
  installInto(process.argv.slice(3));
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // The worker is built once first; in watch mode a change to it needs a restart of `npm run dev`.
  const pluginWithWorker = withWorkerSource(plugin, await buildWorkerSource());
  if (production) {
    await Promise.all([esbuild.build(pluginWithWorker), esbuild.build(cli), esbuild.build(cliExtractWorker)]);
  } else {
    const contexts = await Promise.all([esbuild.context(pluginWithWorker), esbuild.context(cli), esbuild.context(cliExtractWorker)]);
    await Promise.all(contexts.map((c) => c.watch()));
  }
}
