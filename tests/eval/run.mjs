// `npm run eval`: bundles the TypeScript eval with esbuild (Node 20 cannot run TypeScript) and runs
// it. Arguments pass through, e.g. `npm run eval -- --queries --set=obsidian-help`.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";

const outdir = ".eval/build";
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: ["tests/eval/run-eval.ts"],
  outfile: `${outdir}/run-eval.mjs`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  external: ["onnxruntime-node", "onnxruntime-web", "sharp", "@huggingface/transformers"],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const result = spawnSync(process.execPath, [`${outdir}/run-eval.mjs`, ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, LIFEBETTER_EVAL_DIR: resolve("tests/eval") },
});
process.exit(result.status ?? 1);
