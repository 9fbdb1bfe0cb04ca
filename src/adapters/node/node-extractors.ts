import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { extractionWorkerCount } from "../../core/embed/embedder-pool";
import { ExtractorPool, inlineExtractor, type NoteExtractor, type StartExtractor } from "../../core/index/note-extractor";
import { RemoteExtractor, type FromExtractWorker, type ToExtractWorker } from "../../core/index/remote-extractor";

/**
 * The bundled extraction worker next to the running bundle (dist/extract-worker.mjs beside
 * dist/cli.js); null when running from source, which worker_threads cannot load: then notes are
 * extracted in the main thread.
 */
export function bundledExtractWorker(from: string | URL): string | null {
  try {
    const script = fileURLToPath(new URL("./extract-worker.mjs", from));
    return existsSync(script) ? script : null;
  } catch {
    return null;
  }
}

/**
 * Starts extraction workers from `script` (extract-worker-node.ts bundled): `count` of them, by
 * default one per spare core (extractionWorkerCount). A worker that errors fails its pending piece,
 * which the pool then extracts inline. The sync that started them terminates them when it is done.
 */
export function nodeExtractors(script: string | null, count = extractionWorkerCount(0, availableParallelism(), false)): StartExtractor {
  return () => {
    if (!script || count < 1) return Promise.resolve(inlineExtractor);
    const members: NoteExtractor[] = [];
    for (let i = 0; i < count; i++) {
      const worker = new Worker(script, { name: "lifebetter-extract" });
      const remote = new RemoteExtractor(
        {
          post: (message: ToExtractWorker) => worker.postMessage(message),
          listen: (handler: (message: FromExtractWorker) => void) => void worker.on("message", handler),
        },
        () => void worker.terminate(),
      );
      worker.on("error", (error) => remote.fail(`an extraction worker failed: ${error.message}`));
      worker.on("exit", () => remote.fail("an extraction worker stopped"));
      members.push(remote);
    }
    return Promise.resolve(new ExtractorPool(members));
  };
}
