import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { NodeBinaryFile } from "../../src/adapters/node/node-binary-file";
import { bundledExtractWorker, nodeExtractors } from "../../src/adapters/node/node-extractors";
import { nodeNoteSource } from "../../src/adapters/node/node-note-source";
import { NodeNoteRepository } from "../../src/adapters/node/node-repository";
import { nodeTimers } from "../../src/adapters/node/node-timers";
import { checkVault } from "../../src/core/check/check-vault";
import { NO_MODEL } from "../../src/core/index/embedder-status";
import { MemoryIndex } from "../../src/core/index/memory-index";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { extractionWorkerCount } from "../../src/core/embed/embedder-pool";
import { availableParallelism } from "node:os";
import { extractedCorpus } from "../support/corpora";
import { median } from "simple-statistics";
import { heapMiB, round, timed } from "./measure";

/** Rounds of check, inline build and parallel build. */
const ROUNDS = 3;

/**
 * A first full-text index of a real vault against `check`, which reads and parses every note too:
 * as `lifebetter index` builds it (notes parsed by `extractWorkers` worker threads), and, in the
 * same run, with every note parsed in the main thread (`inline…`), the baseline. Times are medians
 * over ROUNDS rounds of all three.
 */
export interface FullTextFirstIndex {
  corpus: string;
  notes: number;
  checkMs: number;
  fullTextMs: number;
  /** fullTextMs ÷ checkMs, medians over ROUNDS (goal ≤ 3). */
  ratio: number;
  /** Each round's build ÷ its check. */
  roundRatios: number[];
  /** CPU seconds of each (user + system, every thread of the process): steadier than wall time on a shared machine. */
  checkCpuS: number;
  fullTextCpuS: number;
  /** Extraction worker threads the CLI starts on this machine (0: it parses in the main thread). */
  extractWorkers: number;
  inlineFullTextMs: number;
  inlineRatio: number;
  inlineFullTextCpuS: number;
}

/** Peak memory of a first full-text index, as `lifebetter index` builds and saves it, in a process of its own. */
export interface FullTextPeakMemory {
  corpus: string;
  notes: number;
  peakRssMiB: number;
  heapAfterBuildMiB: number;
  ms: number;
  /** Extraction worker threads it used (their memory is in the peak). */
  extractWorkers: number;
}

/** The extraction workers `lifebetter index` starts: the worker bundled beside this bench, one per spare core. */
const cliExtractors = () => nodeExtractors(bundledExtractWorker(import.meta.url));
const cliExtractWorkers = (): number => (bundledExtractWorker(import.meta.url) ? extractionWorkerCount(0, availableParallelism(), false) : 0);

/**
 * This process's own peak RSS. On Linux maxRSS is not: a child spawned from the bench (forked, then
 * exec'd) inherits the parent's peak, so after the zettelkasten build it read ~820 MiB whatever the
 * child used. VmHWM belongs to the exec'd process alone.
 */
function peakRssMiB(): number {
  try {
    const kib = /^VmHWM:\s*(\d+)\s*kB/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    if (kib) return Number(kib) / 1024;
  } catch {
    // not Linux: maxRSS (KiB), which may include the parent's peak
  }
  return process.resourceUsage().maxRSS / 1024;
}

function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

export async function benchFullTextVsCheck(archive: string, folder: string): Promise<FullTextFirstIndex> {
  const root = extractedCorpus(archive, folder);
  const repo = new NodeNoteRepository(root);
  // Both read the notes once before, so neither pays for a cold disk cache.
  await checkVault(repo, DEFAULT_SETTINGS);
  const firstIndex = async (parallel: boolean): Promise<{ ms: number; cpuS: number; notes: number }> => {
    const memory = new MemoryIndex({
      source: nodeNoteSource(repo),
      embedder: NO_MODEL,
      timers: nodeTimers,
      excludedFolders: DEFAULT_SETTINGS.excludedFolders,
      ...(parallel ? { startExtractor: cliExtractors() } : {}),
    });
    const cpuBefore = cpuSeconds();
    const build = await timed(() => memory.open());
    const cpuS = cpuSeconds() - cpuBefore;
    const notes = memory.status().notes;
    memory.dispose();
    return { ms: build.ms, cpuS, notes };
  };
  // Rounds of the three back to back, so each round's three see the same load; medians over rounds,
  // since one build or check on a shared machine can take half as long again as the next.
  const rounds: { checkMs: number; checkCpuS: number; inline: Awaited<ReturnType<typeof firstIndex>>; parallel: Awaited<ReturnType<typeof firstIndex>> }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const cpu = cpuSeconds();
    const check = await timed(() => checkVault(repo, DEFAULT_SETTINGS));
    const checkCpuS = cpuSeconds() - cpu;
    rounds.push({ checkMs: check.ms, checkCpuS, inline: await firstIndex(false), parallel: await firstIndex(true) });
  }
  const checkMs = median(rounds.map((r) => r.checkMs));
  const fullTextMs = median(rounds.map((r) => r.parallel.ms));
  const inlineMs = median(rounds.map((r) => r.inline.ms));
  return {
    corpus: folder,
    notes: rounds[0]!.parallel.notes,
    checkMs: round(checkMs, 0),
    fullTextMs: round(fullTextMs, 0),
    ratio: round(fullTextMs / checkMs, 2),
    roundRatios: rounds.map((r) => round(r.parallel.ms / r.checkMs, 2)),
    checkCpuS: round(median(rounds.map((r) => r.checkCpuS)), 1),
    fullTextCpuS: round(median(rounds.map((r) => r.parallel.cpuS)), 1),
    extractWorkers: cliExtractWorkers(),
    inlineFullTextMs: round(inlineMs, 0),
    inlineRatio: round(inlineMs / checkMs, 2),
    inlineFullTextCpuS: round(median(rounds.map((r) => r.inline.cpuS)), 1),
  };
}

/** Runs `runFullTextChild` in a fresh process (this bench bundle with `--fulltext-child=DIR`) and reads its peak RSS. */
export function benchFullTextPeakMemory(benchScript: string, archive: string, folder: string): FullTextPeakMemory {
  const root = extractedCorpus(archive, folder);
  const child = spawnSync(process.execPath, ["--expose-gc", benchScript, `--fulltext-child=${root}`], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`the full-text memory run failed: ${child.stderr}`);
  const line = child.stdout.trim().split("\n").pop() ?? "";
  return { corpus: folder, ...(JSON.parse(line) as Omit<FullTextPeakMemory, "corpus">) };
}

/** The child's side: indexes and saves the vault's full text as the CLI does, prints its numbers as JSON. */
export async function runFullTextChild(root: string): Promise<void> {
  const cache = mkdtempSync(path.join(os.tmpdir(), "lifebetter-bench-"));
  try {
    const memory = new MemoryIndex({
      source: nodeNoteSource(new NodeNoteRepository(root)),
      embedder: NO_MODEL,
      timers: nodeTimers,
      storage: new NodeBinaryFile(path.join(cache, "index.bin")),
      excludedFolders: DEFAULT_SETTINGS.excludedFolders,
      startExtractor: cliExtractors(),
    });
    const build = await timed(async () => {
      await memory.open();
      const unsaved = await memory.save();
      if (unsaved) throw new Error(unsaved);
    });
    const heap = heapMiB();
    const notes = memory.status().notes;
    memory.dispose();
    console.log(
      JSON.stringify({
        notes,
        peakRssMiB: round(peakRssMiB(), 0),
        heapAfterBuildMiB: round(heap, 0),
        ms: round(build.ms, 0),
        extractWorkers: cliExtractWorkers(),
      }),
    );
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}
