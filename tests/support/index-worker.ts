import { build } from "esbuild";
import { mkdir, mkdtemp } from "node:fs/promises";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { IndexClient } from "../../src/core/index/index-client";
import type { NoteSource } from "../../src/core/index/index-types";
import type { IndexStorage } from "../../src/core/index/persistence";
import type { FromWorker, ToWorker } from "../../src/core/index/worker-protocol";

const ENTRY = fileURLToPath(new URL("../../src/adapters/node/index-worker-node.ts", import.meta.url));

/**
 * Bundles the Node worker entry (worker_threads cannot load TypeScript) into the repository's
 * ignored .tmp folder: inside the repository, so its external packages resolve from node_modules.
 */
export function bundleIndexWorker(): Promise<string> {
  return bundleNodeWorker(ENTRY, "index-worker");
}

/** The CLI's extraction worker (extract-worker-node.ts), bundled the same way. */
export function bundleExtractWorker(): Promise<string> {
  return bundleNodeWorker(fileURLToPath(new URL("../../src/adapters/node/extract-worker-node.ts", import.meta.url)), "extract-worker");
}

async function bundleNodeWorker(entry: string, name: string): Promise<string> {
  const tmp = fileURLToPath(new URL("../../.tmp", import.meta.url));
  await mkdir(tmp, { recursive: true });
  const outfile = path.join(await mkdtemp(path.join(tmp, `${name}-`)), `${name}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    logLevel: "silent",
    external: ["onnxruntime-node", "onnxruntime-web", "sharp", "@huggingface/transformers"],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}

/** Starts the bundled worker and connects an IndexClient to it, as the plugin does with its Web Worker. */
export function startIndexWorker(
  bundle: string,
  vault: NoteSource,
  storage: IndexStorage,
  onProgress?: (done: number, total: number) => void,
): { client: IndexClient; worker: Worker } {
  const worker = new Worker(bundle);
  const client = new IndexClient(
    {
      post: (message: ToWorker) => worker.postMessage(message),
      listen: (handler: (message: FromWorker) => void) => void worker.on("message", handler),
    },
    vault,
    storage,
    onProgress,
  );
  return { client, worker };
}
