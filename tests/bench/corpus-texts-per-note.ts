/**
 * For the first-index bench's projection: how many texts the index embeds per note in a real vault
 * (the zettelkasten corpus, 13k notes), with the same extraction the index uses, and how long those
 * texts are in words (what sets the cost per text). Prints JSON.
 * Run bundled by first-index-chromium.mjs: node corpus-texts-per-note.mjs
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { extractNote } from "../../src/core/index/note-record";
import { mean, quantile } from "simple-statistics";
import { corporaAvailable, extractedCorpus } from "../support/corpora";

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name.startsWith(".")) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) markdownFiles(full, out);
    else if (name.endsWith(".md")) out.push(full);
  }
  return out;
}

if (!corporaAvailable()) {
  console.log(JSON.stringify({ corpus: null }));
} else {
  const root = extractedCorpus("large-digitalyoshixi-zettelkasten.tar.gz", "digitalyoshixi-zettelkasten");
  const files = markdownFiles(root);
  const hashes = new Set<string>();
  const words: number[] = [];
  let texts = 0;
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const rel = path.relative(root, file);
    const { embedTexts } = extractNote({ path: rel, size: text.length, mtime: 0, ctime: 0 }, text);
    for (const t of embedTexts) {
      if (t.kind === "mean") continue;
      texts++;
      if (!hashes.has(t.hash)) words.push(t.text.split(/\s+/).filter(Boolean).length);
      hashes.add(t.hash);
    }
  }
  // Equal texts are embedded once: the distinct ones are what the model computes.
  console.log(
    JSON.stringify({
      corpus: "large-digitalyoshixi-zettelkasten",
      notes: files.length,
      texts,
      distinctTexts: hashes.size,
      textsPerNote: hashes.size / files.length,
      wordsPerText: { mean: mean(words), median: quantile(words, 0.5), p90: quantile(words, 0.9) },
      // Every distinct text's length in words, for --words=corpus (notes drawn at these lengths).
      wordCounts: words,
    }),
  );
}
