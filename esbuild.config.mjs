// Builds two bundles from one source tree:
//  - main.js: the Obsidian plugin (CommonJS, browser platform, no Node built-ins so it runs on mobile)
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
  if (production) {
    await Promise.all([esbuild.build(plugin), esbuild.build(cli)]);
  } else {
    const contexts = await Promise.all([esbuild.context(plugin), esbuild.context(cli)]);
    await Promise.all(contexts.map((c) => c.watch()));
  }
}
