/**
 * The pattern engine on a generated vault of ~10k entries (plus reflections, sessions and problems),
 * run in 8 ms slices as the plugin runs it: the engine's time and the longest synchronous slice,
 * i.e. the longest the UI would wait.
 */
import { quantileSorted } from "simple-statistics";
import { findPatterns } from "../../src/core/patterns/engine";
import { TimeSlicer } from "../../src/core/patterns/slicer";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { loadRecords } from "../../src/core/vault/records";
import { MemoryNoteRepository } from "../support/memory-note-repository";
import { patternVault } from "../support/pattern-vault";

/** `cpuClock`: slices timed by this process's CPU time, so a machine busy with other work (which preempts us mid-slice) does not inflate them. */
export async function benchPatternSlices(scale: number, cpuClock: boolean): Promise<Record<string, number | string>> {
  const vault = patternVault(1, false, scale);
  const paths = Object.keys(vault.files);
  const entries = paths.filter((path) => path.includes("/Entries/")).length;
  const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  const clock = cpuClock ? () => process.cpuUsage().user / 1000 : () => performance.now();
  let start = performance.now();
  // Reading is sliced as in the view; its longest slice is reported apart from the engine's.
  const loading = new TimeSlicer(yieldToLoop, 8, clock);
  const records = await loadRecords(new MemoryNoteRepository(vault.files), DEFAULT_SETTINGS, undefined, loading.tick);
  loading.finish();
  const loadMs = performance.now() - start;
  const slicer = new TimeSlicer(yieldToLoop, 8, clock);
  start = performance.now();
  const report = await findPatterns(records, { now: vault.now, tick: slicer.tick });
  slicer.finish();
  const engineMs = performance.now() - start;
  const sorted = [...slicer.sliceMs].sort((a, b) => a - b);
  const ms = (q: number): number => Math.round(quantileSorted(sorted, q) * 10) / 10;
  return {
    sliceClock: cpuClock ? "cpu" : "wall",
    notes: paths.length,
    entries,
    loadMs: Math.round(loadMs),
    loadLongestSliceMs: Math.round(loading.longestSliceMs * 10) / 10,
    engineMs: Math.round(engineMs),
    longestSliceMs: Math.round(slicer.longestSliceMs * 10) / 10,
    sliceP50Ms: ms(0.5),
    sliceP95Ms: ms(0.95),
    slices: slicer.slices,
    hypotheses: report.tested,
    proposals: report.proposals.length,
  };
}
