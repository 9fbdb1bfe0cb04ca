/**
 * `npm run eval`: ranking quality of search on golden query sets (tests/eval/golden/*.json) over the
 * shared corpora, for full text alone and for hybrid search with the static test model. Prints the
 * metrics overall and per category next to the committed baseline (tests/eval/baseline.json).
 *   --update-baseline  write the numbers of this run as the new baseline
 *   --queries          also print each query's rank of its first relevant note
 *   --set=NAME         only one golden set (file name without .json)
 *   --full-text-only   skip the hybrid runs (faster, when tuning full text)
 *   --text-weight=0.3,0.5  also run hybrid with these weights of words against meaning (to tune TEXT_WEIGHT)
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { clearTimeout, setTimeout } from "node:timers";
import { fileURLToPath } from "node:url";
import { loadNodeEmbedder } from "../../src/adapters/node/node-embedder";
import { nodeNoteSource } from "../../src/adapters/node/node-note-source";
import { NodeNoteRepository } from "../../src/adapters/node/node-repository";
import type { Embedder } from "../../src/core/embed/embedder";
import { NO_MODEL } from "../../src/core/index/embedder-status";
import { MemoryIndex } from "../../src/core/index/memory-index";
import { contentWords } from "../../src/core/index/terms";
import { CORPORA_ROOT } from "../support/corpora";
import { buildStaticModel } from "../support/models/static-model";
import { meanMetrics, METRIC_NAMES, metricsOf, type Metrics } from "./metrics";

interface GoldenQuery {
  query: string;
  category: string;
  relevant: string[];
  partial: string[];
}
interface GoldenSet {
  corpus: string;
  queries: GoldenQuery[];
}
/** set → mode → category ("all" overall) → metrics */
type Report = Record<string, Record<string, Record<string, Metrics>>>;

const HERE = path.dirname(fileURLToPath(import.meta.url));
// The script runs bundled from .eval/build: the golden sets and baseline stay in tests/eval.
const EVAL_DIR = process.env.LIFEBETTER_EVAL_DIR ?? HERE;
const BASELINE = path.join(EVAL_DIR, "baseline.json");
const args = process.argv.slice(2);
const onlySet = args.find((a) => a.startsWith("--set="))?.slice(6);
const weights = (args.find((a) => a.startsWith("--text-weight="))?.slice(14) ?? "")
  .split(",")
  .filter((w) => w !== "")
  .map(Number);

const timers = {
  setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
  clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

async function openIndex(corpus: string, embedder: Embedder | null): Promise<MemoryIndex> {
  const source = nodeNoteSource(new NodeNoteRepository(path.join(CORPORA_ROOT, corpus)));
  const index = new MemoryIndex({ source, embedder: embedder ? { embedder } : NO_MODEL, timers, debounceMs: 5 });
  await index.open();
  return index;
}

/** A paraphrase query must share no content word with the title or aliases of its relevant notes. */
function checkParaphrases(set: GoldenSet, index: MemoryIndex): void {
  for (const q of set.queries.filter((q) => q.category === "paraphrase")) {
    const words = new Set(contentWords(q.query));
    for (const target of q.relevant) {
      const record = index.index.notes.get(target)?.record;
      if (!record) throw new Error(`${set.corpus}: "${target}" is not in the index`);
      const shared = contentWords([record.title, ...record.aliases].join(" ")).filter((w) => words.has(w));
      if (shared.length > 0) console.warn(`warning: paraphrase "${q.query}" shares ${shared.join(", ")} with ${target}`);
    }
  }
}

async function evaluate(set: GoldenSet, index: MemoryIndex, showQueries: boolean, textWeight?: number): Promise<Record<string, Metrics>> {
  const byCategory = new Map<string, Metrics[]>();
  for (const q of set.queries) {
    const results = await index.searchByMeaning(q.query, { limit: 10, ...(textWeight !== undefined ? { textWeight } : {}) });
    const ranked = results.map((r) => r.path);
    const metrics = metricsOf(ranked, q);
    for (const key of ["all", q.category]) byCategory.set(key, [...(byCategory.get(key) ?? []), metrics]);
    if (showQueries) {
      const rank = ranked.findIndex((p) => q.relevant.includes(p)) + 1;
      console.log(`  ${rank === 0 ? "—" : `#${rank}`}\t${q.category}\t${q.query}\t→ ${ranked.slice(0, 3).join(" | ")}`);
    }
  }
  return Object.fromEntries([...byCategory].map(([category, all]) => [category, meanMetrics(all)]));
}

function readBaseline(): Report | null {
  try {
    return JSON.parse(readFileSync(BASELINE, "utf8")) as Report;
  } catch {
    return null;
  }
}

function printTable(set: string, mode: string, current: Record<string, Metrics>, baseline: Record<string, Metrics> | undefined): void {
  console.log(`\n${set} — ${mode}  (value, and change against the baseline)`);
  console.log(["category".padEnd(12), ...METRIC_NAMES.map((n) => n.padStart(15))].join(""));
  for (const [category, metrics] of Object.entries(current)) {
    const cells = METRIC_NAMES.map((name) => {
      const value = metrics[name];
      const before = baseline?.[category]?.[name];
      const delta = before === undefined ? "" : ` (${value - before >= 0 ? "+" : ""}${(value - before).toFixed(3)})`;
      return `${value.toFixed(3)}${delta}`.padStart(15);
    });
    console.log([category.padEnd(12), ...cells].join(""));
  }
}

async function main(): Promise<void> {
  const files = readdirSync(path.join(EVAL_DIR, "golden")).filter((f) => f.endsWith(".json") && (!onlySet || f === `${onlySet}.json`));
  const sets = files.map((f) => [f.replace(/\.json$/, ""), JSON.parse(readFileSync(path.join(EVAL_DIR, "golden", f), "utf8")) as GoldenSet] as const);
  const root = await mkdtemp(path.join(tmpdir(), "lifebetter-eval-"));
  const report: Report = {};
  try {
    const model = await buildStaticModel(root);
    const load = await loadNodeEmbedder({ model: model.folder });
    if (!load.ok) throw new Error(`the static test model did not load: ${load.unavailable.reason}`);
    for (const [name, set] of sets) {
      report[name] = {};
      const modes = [
        ["full text", null],
        ["hybrid (static test model)", load.embedder],
      ] as const;
      for (const [mode, embedder] of modes.filter(([, e]) => e === null || !args.includes("--full-text-only"))) {
        const index = await openIndex(set.corpus, embedder);
        if (!embedder) checkParaphrases(set, index);
        if (args.includes("--queries")) console.log(`\n${name} — ${mode}`);
        report[name][mode] = await evaluate(set, index, args.includes("--queries"));
        if (embedder) for (const w of weights) report[name][`hybrid, text weight ${w}`] = await evaluate(set, index, false, w);
        index.dispose();
      }
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  const baseline = readBaseline();
  for (const [set, modes] of Object.entries(report)) {
    for (const [mode, categories] of Object.entries(modes)) printTable(set, mode, categories, baseline?.[set]?.[mode]);
  }
  if (args.includes("--update-baseline")) {
    const kept = Object.fromEntries(
      Object.entries(report).map(([set, modes]) => [set, Object.fromEntries(Object.entries(modes).filter(([mode]) => !mode.includes("text weight")))]),
    );
    writeFileSync(BASELINE, JSON.stringify({ ...baseline, ...kept }, (_, v: unknown) => (typeof v === "number" ? Math.round(v * 1000) / 1000 : v), 2) + "\n");
    console.log(`\nbaseline written to ${path.relative(process.cwd(), BASELINE)}`);
  } else if (!baseline) {
    console.log("\nno baseline yet: run `npm run eval -- --update-baseline` to record one");
  }
}

await main();
