import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { loadNodeEmbedder } from "../../src/adapters/node/node-embedder";
import { nodeNoteSource } from "../../src/adapters/node/node-note-source";
import { NodeNoteRepository } from "../../src/adapters/node/node-repository";
import { nodeTimers } from "../../src/adapters/node/node-timers";
import type { Embedder } from "../../src/core/embed/embedder";
import { NO_MODEL } from "../../src/core/index/embedder-status";
import { FullTextIndex, type SavedFullText } from "../../src/core/index/fulltext-index";
import type { NoteSource } from "../../src/core/index/index-types";
import { MemoryIndex } from "../../src/core/index/memory-index";
import { extractedCorpus } from "../support/corpora";
import { tempStaticModel } from "../support/models/temp-models";
import { benchEmbeddings } from "./embeddings";
import { heapMiB, round, timed } from "./measure";
import { MemoryStorage, memorySource } from "./memory-source";
import { benchQueries, type QueryNumbers } from "./query-bench";
import { RandomUnitEmbedder } from "./random-embedder";
import { syntheticVault, VOCABULARY } from "./synthetic-vault";
import { benchSidebar, type SidebarNumbers } from "./sidebar-bench";
import { workerStall } from "./worker-stall";
import { benchPatterns } from "./patterns-calibration-bench";
import { benchFullTextPeakMemory, benchFullTextVsCheck, runFullTextChild, type FullTextFirstIndex, type FullTextPeakMemory } from "./fulltext-first-index";

interface Row extends Partial<QueryNumbers>, Partial<SidebarNumbers> {
  vault: string;
  notes: number;
  vectors: number;
  fullTextBuildMs: number;
  fullBuildMs: number;
  saveMs: number;
  indexFileMiB: number;
  restoreMs: number;
  restoreFullTextMs: number;
  fullTextJsonMiB: number;
  secondStartMs: number;
  secondStartEmbedded: number;
  heapMiB: number;
  workerBuildMs?: number;
  mainThreadMaxStallMs?: number;
  mainThreadP99StallMs?: number;
  idleMaxStallMs?: number;
}

const counting = (inner: Embedder): Embedder & { embedded: number } => {
  const wrapper = {
    modelId: inner.modelId,
    dimensions: inner.dimensions,
    embedded: 0,
    embed: (texts: string[]) => {
      wrapper.embedded += texts.length;
      return inner.embed(texts);
    },
  };
  return wrapper;
};

/**
 * The full-text-only build, in its own function so that index is unreachable when the heap is
 * measured below (a local of benchVault stays alive across its awaits and was counted too).
 */
async function fullTextBuildMs(source: NoteSource): Promise<number> {
  const fullText = new MemoryIndex({ source, embedder: NO_MODEL, timers: nodeTimers });
  const build = await timed(() => fullText.open());
  fullText.dispose();
  return build.ms;
}

async function benchVault(name: string, source: NoteSource, makeEmbedder: () => Embedder & { embedded: number }, words: readonly string[]): Promise<Row> {
  const fullTextMs = await fullTextBuildMs(source);

  const storage = new MemoryStorage();
  const memory = new MemoryIndex({ source, embedder: { embedder: makeEmbedder() }, storage, timers: nodeTimers });
  const build = await timed(() => memory.open());
  const heap = heapMiB();
  const save = await timed(() => memory.save());
  // The share of a restore spent on Orama's own state (JSON parse + load), measured alone.
  const fullTextJson = JSON.stringify(memory.index.fullText.save());
  const fullTextRestore = await timed(() => FullTextIndex.load(JSON.parse(fullTextJson) as SavedFullText));

  const second = makeEmbedder();
  const restored = new MemoryIndex({ source, embedder: { embedder: second }, storage, timers: nodeTimers });
  const reopened = await timed(() => restored.open());
  if (!reopened.value.restored) throw new Error(`restore failed: ${reopened.value.restoreProblem}`);
  // Counted before the queries below, which embed their query texts.
  const secondStartEmbedded = second.embedded;
  const queries = await benchQueries(restored, words);
  const status = restored.status();
  memory.dispose();
  restored.dispose();
  return {
    vault: name,
    notes: status.notes,
    vectors: (restored.index.noteVectors?.size ?? 0) + status.chunks,
    fullTextBuildMs: round(fullTextMs, 0),
    fullBuildMs: round(build.ms, 0),
    saveMs: round(save.ms, 0),
    indexFileMiB: round((storage.bytes?.length ?? 0) / 1024 / 1024, 1),
    restoreMs: reopened.value.restoreMs,
    restoreFullTextMs: round(fullTextRestore.ms, 0),
    fullTextJsonMiB: round(fullTextJson.length / 1024 / 1024, 1),
    secondStartMs: round(reopened.ms, 0),
    secondStartEmbedded,
    heapMiB: round(heap, 0),
    ...queries,
  };
}

const GOALS = [
  "similar-notes p50 <= 1.2x exact scan at 10k and 50k, recall@10 = 1.0",
  "hybrid p50 <= 2x exact scan at 50k",
  "restore of 10k notes <= 1 s",
  "full-text build of 10k notes <= 5 s",
  "heap <= 300 MB at 50k",
  "main-thread stall <= 50 ms",
  "0 embeddings computed on a second start",
  "similar-notes sidebar refresh p50 <= 2x its query alone at 10k",
  "first full-text index <= 3x check on the zettelkasten corpus",
  "peak memory of a first full-text index of the winrt-api corpus <= 500 MB",
];

/** The first full-text index against `check`, and its peak memory on the largest corpus. */
async function benchFullTextFirstIndex(): Promise<{ speed: FullTextFirstIndex; memory: FullTextPeakMemory }> {
  console.error("bench: first full-text index against check (zettelkasten)…");
  const speed = await benchFullTextVsCheck("large-digitalyoshixi-zettelkasten.tar.gz", "digitalyoshixi-zettelkasten");
  console.error("bench: peak memory of a first full-text index (winrt-api, own process)…");
  const memory = benchFullTextPeakMemory(process.argv[1]!, "large-winrt-api.tar.gz", "winrt-api");
  return { speed, memory };
}

function printFullTextFirstIndex({ speed, memory }: { speed: FullTextFirstIndex; memory: FullTextPeakMemory }): void {
  console.log(
    `\nFirst full-text index, ${speed.corpus} (${speed.notes} notes), as lifebetter index (${speed.extractWorkers} extraction workers): ${speed.fullTextMs} ms against check ${speed.checkMs} ms = ${speed.ratio}× (medians of ${speed.roundRatios.length} rounds; each round ${speed.roundRatios.join(", ")}×; CPU ${speed.fullTextCpuS} s against ${speed.checkCpuS} s)`,
  );
  console.log(
    `  same run, every note parsed in the main thread: ${speed.inlineFullTextMs} ms = ${speed.inlineRatio}× (CPU ${speed.inlineFullTextCpuS} s): inline ${speed.inlineRatio}× → parallel ${speed.ratio}×`,
  );
  console.log(
    `First full-text index, ${memory.corpus} (${memory.notes} notes, built and saved, ${memory.extractWorkers} extraction workers): peak RSS ${memory.peakRssMiB} MiB, heap after build ${memory.heapAfterBuildMiB} MiB, ${memory.ms} ms`,
  );
}

function printTable(rows: Row[]): void {
  const columns: [keyof Row, string][] = [
    ["vault", "vault"],
    ["notes", "notes"],
    ["vectors", "vectors"],
    ["fullTextBuildMs", "FT build ms"],
    ["fullBuildMs", "full build ms"],
    ["restoreMs", "restore ms"],
    ["restoreFullTextMs", "of which Orama ms"],
    ["secondStartMs", "2nd start ms"],
    ["secondStartEmbedded", "2nd start embedded"],
    ["similarP50", "similar p50"],
    ["similarP95", "similar p95"],
    ["scanP50", "scan p50"],
    ["similarRatio", "similar/scan"],
    ["storeScanRatio", "own scan/scan"],
    ["recallAt10", "recall@10"],
    ["hybridP50", "hybrid p50"],
    ["hybridP95", "hybrid p95"],
    ["hybridRatio", "hybrid/scan"],
    ["heapMiB", "heap MiB"],
    ["indexFileMiB", "file MiB"],
    ["mainThreadMaxStallMs", "max stall ms"],
    ["mainThreadP99StallMs", "p99 stall ms"],
    ["idleMaxStallMs", "idle max stall ms"],
    ["sidebarP50", "sidebar p50"],
    ["sidebarP95", "sidebar p95"],
    ["sidebarQueryP50", "sidebar query p50"],
    ["sidebarRatio", "sidebar/query"],
  ];
  const lines = [`| ${columns.map(([, title]) => title).join(" | ")} |`, `|${columns.map(() => "---").join("|")}|`];
  for (const row of rows) lines.push(`| ${columns.map(([key]) => String(row[key] ?? "")).join(" | ")} |`);
  console.log(lines.join("\n"));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sizes = (args.find((a) => a.startsWith("--sizes="))?.slice(8) ?? "1000,10000,50000").split(",").map(Number);
  const workerFile = args.find((a) => a.startsWith("--worker="))?.slice(9);
  const skipCorpus = args.includes("--no-corpus");
  // The child process of the full-text memory figure (see fulltext-first-index.ts).
  const child = args.find((a) => a.startsWith("--fulltext-child="))?.slice(17);
  if (child) {
    await runFullTextChild(child);
    return;
  }
  // `--fulltext-only`: only the first full-text index figures (against check, and peak memory).
  if (args.includes("--fulltext-only")) {
    const figures = await benchFullTextFirstIndex();
    printFullTextFirstIndex(figures);
    writeSummary(args, { fullTextFirstIndex: figures });
    return;
  }
  if (args.includes("--corpus-only")) sizes.length = 0;
  // `--patterns`: the pattern engine's calibration table and its longest slice, nothing else.
  if (args.includes("--patterns")) {
    await benchPatterns(args);
    return;
  }
  const rows: Row[] = [];
  // `--sidebar-only`: only the similar-notes sidebar's refresh latency, at each size.
  if (args.includes("--sidebar-only")) {
    if (!workerFile) throw new Error("--sidebar-only needs the worker (run through npm run bench)");
    for (const size of sizes) {
      console.error(`bench: similar-notes sidebar, synthetic ${size} notes…`);
      rows.push({ vault: `synthetic ${size / 1000}k (random 384-d)`, notes: size, ...(await benchSidebar(workerFile, syntheticVault(size))) } as Row);
    }
    printTable(rows);
    return;
  }

  if (!skipCorpus) {
    const folder = extractedCorpus("large-digitalyoshixi-zettelkasten.tar.gz", "digitalyoshixi-zettelkasten");
    const model = await tempStaticModel();
    try {
      const load = await loadNodeEmbedder({ model: model.folder });
      if (!load.ok) throw new Error(load.unavailable.reason);
      console.error("bench: zettelkasten corpus with the static test model…");
      rows.push(
        await benchVault("zettelkasten (real, static model)", nodeNoteSource(new NodeNoteRepository(folder)), () => counting(load.embedder), [
          "graph",
          "derivative",
          "linear algebra",
          "matrix",
          "integral",
          "neural network",
          "probability",
        ]),
      );
    } finally {
      await model.cleanup();
    }
  }
  for (const size of sizes) {
    console.error(`bench: synthetic ${size} notes…`);
    const notes = syntheticVault(size);
    // The worker run goes first, on a freshly collected heap: a major GC of garbage left by the
    // in-process runs would be counted as a stall that the plugin's main thread never has.
    heapMiB();
    const stall = workerFile && size <= 10_000 ? await workerStall(workerFile, notes) : null;
    const row = await benchVault(`synthetic ${size / 1000}k (random 384-d)`, memorySource(notes), () => new RandomUnitEmbedder(), VOCABULARY);
    // The sidebar renders the real view over the worker, so it is measured where the worker is.
    if (workerFile && size <= 10_000) Object.assign(row, await benchSidebar(workerFile, notes));
    if (stall) {
      row.workerBuildMs = stall.buildMs;
      row.mainThreadMaxStallMs = stall.maxStallMs;
      row.mainThreadP99StallMs = stall.p99StallMs;
      row.idleMaxStallMs = stall.idleMaxStallMs;
    }
    rows.push(row);
  }
  const fullTextFirstIndex = skipCorpus ? null : await benchFullTextFirstIndex();
  console.error("bench: embedding throughput (the embeddings module's benchEmbeddings)…");
  const embeddings = args.includes("--no-embeddings") ? null : await benchEmbeddings({ runs: 1 });
  printTable(rows);
  if (embeddings) {
    console.log(`\nEmbedding throughput, ${embeddings.model} (${embeddings.unit}; load average ${embeddings.loadAverage.join(" → ")}):`);
    for (const c of embeddings.cases) console.log(`  ${c.label}: node ${c.node}, wasm 1 thread ${c.wasm1}, wasm 2 threads ${c.wasm2}`);
    const long = embeddings.longNotes;
    if (long) {
      console.log(
        `  long notes (~${long.wordsPerNote} words, ${long.notes} notes): read to 512 ${long.truncation.at512} texts/s, to 256 ${long.truncation.at256} texts/s`,
      );
      console.log(
        `  per long note: before ${long.before.passesPerNote} passes, ${long.before.notesPerSecond} notes/s; after (passages at 256) ${long.after.passesPerNote} passes, ${long.after.notesPerSecond} notes/s`,
      );
    }
  }
  if (fullTextFirstIndex) printFullTextFirstIndex(fullTextFirstIndex);
  console.log("\nGoals:\n- " + GOALS.join("\n- "));
  writeSummary(args, { rows, embeddings, fullTextFirstIndex });
}

function writeSummary(args: string[], figures: Record<string, unknown>): void {
  const out = path.resolve(".bench");
  mkdirSync(out, { recursive: true });
  const file = path.join(out, args.find((a) => a.startsWith("--out="))?.slice(6) ?? "summary.json");
  writeFileSync(file, JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, ...figures, goals: GOALS }, null, 2));
  console.log(`\nWrote ${file}`);
}

await main();
