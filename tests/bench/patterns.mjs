// `node tests/bench/patterns.mjs [--scale=30]`: bundles the pattern benchmark with esbuild (Node 20
// cannot run TypeScript) and runs it. Prints {notes, entries, loadMs, engineMs, longestSliceMs, …}.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";

const outdir = ".bench/build";
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: ["tests/bench/patterns-bench.ts"],
  outfile: `${outdir}/patterns-bench.mjs`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const result = spawnSync(process.execPath, ["--cpu-prof", "--cpu-prof-dir=.bench/prof", `${outdir}/patterns-bench.mjs`, ...process.argv.slice(2)], {
  stdio: "inherit",
});
process.exit(result.status ?? 1);
