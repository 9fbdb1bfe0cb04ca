import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { build, type BuildOptions } from "esbuild";

export interface BuiltCli {
  /** The bundled CLI, to run as `node <path> …`. */
  path: string;
  dispose(): Promise<void>;
}

/** Bundles the CLI the way `npm run build` bundles dist/cli.js, into a throwaway folder. */
export async function buildCli(): Promise<BuiltCli> {
  const outDir = await fs.mkdtemp(path.join(os.tmpdir(), "lifebetter-cli-"));
  const cliPath = path.join(outDir, "cli.mjs");
  // The same options `npm run build` uses for dist/cli.js (loaded here, not at import: a benchmark
  // bundle that imports this file must not run the build config as its own script).
  const { cli: cliBuildOptions, cliExtractWorker } = (await import("../../esbuild.config.mjs")) as { cli: BuildOptions; cliExtractWorker: BuildOptions };
  await build({ ...cliBuildOptions, outfile: cliPath, logLevel: "silent" });
  // Beside it, as dist/extract-worker.mjs beside dist/cli.js: a first index of 256+ notes uses it.
  await build({ ...cliExtractWorker, outfile: path.join(outDir, "extract-worker.mjs"), logLevel: "silent" });
  return { path: cliPath, dispose: () => fs.rm(outDir, { recursive: true, force: true }) };
}

export interface ProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI in its own process; resolves with the exit code instead of rejecting on one. */
export function runBuiltCli(cliPath: string, args: string[]): Promise<ProcessRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cliPath, ...args], (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
