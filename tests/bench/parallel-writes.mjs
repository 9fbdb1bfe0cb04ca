// `npm run bench:writes`: bundles the CLI the way `npm run build` does and tests/bench/parallel-writes.ts
// (Node 20 cannot run TypeScript), then races real CLI processes on one note. Extra arguments pass through, e.g. `npm run bench:writes -- --rounds=30 --writers=3`.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { cli } from "../../esbuild.config.mjs";

const outdir = ".bench/build";
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: ["tests/bench/parallel-writes.ts"],
  outfile: `${outdir}/parallel-writes.mjs`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  packages: "external",
});
await build({ ...cli, outfile: `${outdir}/cli.mjs`, logLevel: "warning" });
const result = spawnSync(process.execPath, [`${outdir}/parallel-writes.mjs`, `--cli=${outdir}/cli.mjs`, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);
