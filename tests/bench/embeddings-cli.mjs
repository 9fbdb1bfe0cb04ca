// Runs tests/bench/embeddings.ts on its own: bundles it for Node with esbuild (the runtimes stay
// installed packages), then prints its JSON. `npm run bench` calls benchEmbeddings() itself.
import esbuild from "esbuild";
import { mkdirSync } from "node:fs";

mkdirSync(".bench", { recursive: true });
const outfile = ".bench/embeddings.mjs";
await esbuild.build({
  entryPoints: ["tests/bench/embeddings.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile,
  logLevel: "warning",
  banner: { js: "import { createRequire as __lbCreateRequire } from 'node:module';\nconst require = __lbCreateRequire(import.meta.url);" },
  external: ["onnxruntime-node", "onnxruntime-web", "sharp", "@huggingface/transformers"],
});
const { benchEmbeddings } = await import("../../.bench/embeddings.mjs");
console.log(JSON.stringify(await benchEmbeddings(), null, 2));
