// The Chromium scripts build their test models (and count corpus texts) with the tests' own
// TypeScript: bundled for Node into the work folder and run there.
import { execFileSync } from "node:child_process";
import path from "node:path";
import esbuild from "esbuild";

/** Bundles a TypeScript `entry` for Node into `work`; returns the script's path. */
export async function bundleForNode(entry, work) {
  const script = path.join(work, `${path.basename(entry, ".ts")}.mjs`);
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: script,
    logLevel: "silent",
    banner: { js: 'import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);' },
  });
  return script;
}

/** Runs a model builder (such as build-model.ts) under `work/models`; returns the model's folder. */
export async function buildModelInNode(entry, work, root) {
  const builder = await bundleForNode(entry, work);
  return execFileSync("node", [builder, path.join(work, "models")], { cwd: root })
    .toString()
    .trim();
}
