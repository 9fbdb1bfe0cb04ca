// `node tests/bench/chat-import.mjs [--mb=100]`: bundles the AI conversation import benchmark with
// esbuild (Node 20 cannot run TypeScript) and runs it: size, time, peak heap, notes created.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";

const outdir = ".bench/build";
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: ["tests/bench/chat-import-bench.ts"],
  outfile: `${outdir}/chat-import-bench.mjs`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const result = spawnSync(process.execPath, [`${outdir}/chat-import-bench.mjs`, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);
