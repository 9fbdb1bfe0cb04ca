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
// --long-notes[=N]: only the long-note comparison (truncation at 256, passages), with N notes.
const longArg = process.argv.find((a) => a.startsWith("--long-notes"));
const longNotes = longArg?.includes("=") ? Number(longArg.split("=")[1]) : undefined;
const runs = Number(process.argv.find((a) => a.startsWith("--runs="))?.slice(7) ?? 3);
console.log(JSON.stringify(await benchEmbeddings({ runs, longNotes, longNotesOnly: longArg !== undefined }), null, 2));
