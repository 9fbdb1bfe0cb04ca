// `npm run bench`: bundles the TypeScript benchmark and its worker with esbuild (Node 20 cannot run
// TypeScript), then runs it with --expose-gc so heap numbers are measured after a collection.
// Extra arguments pass through, e.g. `npm run bench -- --sizes=1000,10000 --no-corpus`;
// `npm run bench -- --patterns` prints the pattern confidence's calibration table instead.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";

// The first index by meaning runs in Chromium, the plugin's own path (tests/bench/first-index-chromium.mjs).
if (process.argv.includes("--first-index")) {
  const args = process.argv.slice(2).filter((a) => a !== "--first-index");
  const result = spawnSync(process.execPath, ["tests/bench/first-index-chromium.mjs", "--summary=.bench/summary.json", ...args], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}

const outdir = ".bench/build";
mkdirSync(outdir, { recursive: true });
const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  // The sidebar benchmark renders the real view: Obsidian's API is the test mock there.
  alias: { obsidian: "obsidian-test-mocks/obsidian" },
  external: ["onnxruntime-node", "onnxruntime-web", "sharp", "@huggingface/transformers", "esbuild"],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};
await build({ ...common, entryPoints: ["tests/bench/run-bench.ts"], outfile: `${outdir}/run-bench.mjs` });
await build({ ...common, entryPoints: ["tests/bench/bench-worker.ts"], outfile: `${outdir}/bench-worker.mjs` });
// Beside run-bench.mjs, as dist/extract-worker.mjs is beside dist/cli.js: the full-text bench takes the CLI's path.
await build({ ...common, entryPoints: ["src/adapters/node/extract-worker-node.ts"], outfile: `${outdir}/extract-worker.mjs` });
const result = spawnSync(
  process.execPath,
  ["--expose-gc", "--max-old-space-size=8192", `${outdir}/run-bench.mjs`, `--worker=${resolve(outdir, "bench-worker.mjs")}`, ...process.argv.slice(2)],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
