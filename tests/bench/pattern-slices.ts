/**
 * The pattern engine on a generated vault of ~10k entries (plus reflections, sessions and problems,
 * one of them worked on for over a year: LONG_TABLE_ROWS Sessions rows), run in 8 ms slices as the
 * plugin runs it: the engine's time and the longest synchronous slice, i.e. the longest the UI would
 * wait, with where it ended (and where the slice before it ended).
 */
import { addMinutes, formatISO } from "date-fns";
import { readFileSync } from "node:fs";
import { quantileSorted } from "simple-statistics";
import { composeNote } from "../../src/core/codec/frontmatter";
import { findPatterns } from "../../src/core/patterns/engine";
import { TimeSlicer } from "../../src/core/patterns/slicer";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { loadRecords } from "../../src/core/vault/records";
import { MemoryNoteRepository } from "../support/memory-note-repository";
import { patternVault } from "../support/pattern-vault";
import { seededRandom } from "../support/seeded-random";

/** Rows of the problem worked on for over a year, about one session a day: the largest table a person's vault is likely to hold. */
const LONG_TABLE_ROWS = 400;

/** A problem note with `rows` Sessions rows, as the session timer writes them, ending `now`. */
export function benchLongProblem(rows: number, now: Date): string {
  const random = seededRandom(7);
  const lines = Array.from({ length: rows }, (_, i) => {
    const start = addMinutes(now, -(rows - i) * 24 * 60 - 60 * Math.floor(random() * 10));
    const minutes = 20 + Math.floor(random() * 90);
    const activity = ["coding: the parser", "reading: the spec", "writing: notes", "thinking"][i % 4];
    return `| ${formatISO(start)} | ${formatISO(addMinutes(start, minutes))} | ${minutes} | ${1 + Math.floor(random() * 10)} | ${1 + Math.floor(random() * 10)} | ${activity} | ${i % 3}: phone | step ${i} done, see \`notes|log\` |`;
  });
  const header = "| start | end | minutes | focus | energy | activity | distractions | outcome |\n| --- | --- | --- | --- | --- | --- | --- | --- |";
  return composeNote(
    { id: "00000000-0000-4000-8000-999999999999", kind: "problem", status: "active", last_worked: formatISO(now) },
    `A year on one problem.\n\n## Milestones\n- [x] Start\n- [ ] Finish 📅 2027-01-01\n\n## Sessions\n${header}\n${lines.join("\n")}\n`,
  );
}

/** Garbage collections seen while the benchmark runs (wall-clock start and length). */
function watchCollections(): { collections: { start: number; ms: number }[]; stop: () => void } {
  const collections: { start: number; ms: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) collections.push({ start: entry.startTime, ms: entry.duration });
  });
  observer.observe({ entryTypes: ["gc"] });
  return { collections, stop: () => observer.disconnect() };
}

/**
 * A slicer's tick that remembers where each slice ended (a stack, formatted only for the longest)
 * and when (wall clock), so the longest slice is reported with what ran and how much of it was
 * garbage collection (its helper threads count in the process's CPU time too).
 */
function labelledTick(slicer: TimeSlicer, collections: readonly { start: number; ms: number }[]): { tick: () => Promise<void>; longest: () => string } {
  const ends: Error[] = [];
  const walls: [number, number][] = [];
  let wallStart = performance.now();
  const tick = async (): Promise<void> => {
    const before = slicer.slices;
    const now = performance.now();
    await slicer.tick();
    if (slicer.slices > before) {
      ends[before] = new Error("slice end");
      walls[before] = [wallStart, now];
      wallStart = performance.now();
    }
  };
  const where = (error: Error | undefined): string =>
    (error?.stack ?? "start")
      .split("\n")
      .slice(2)
      // Node's own frames (the event loop that resumed the tick, Promise.all) say nothing of the work.
      .filter((frame) => !frame.includes("(node:") && !frame.includes("(index "))
      .map((frame) => /at (?:async )?(\S+)/.exec(frame)?.[1] ?? "")
      .filter((name) => name !== "" && !name.includes("benchPatternSlices") && !name.startsWith("file:"))
      .slice(0, 3)
      .join(" < ") || "start";
  const longest = (): string => {
    const i = slicer.sliceMs.indexOf(Math.max(...slicer.sliceMs));
    const [from, to] = walls[i] ?? [wallStart, performance.now()];
    const gc = collections.filter((c) => c.start < to && c.start + c.ms > from).reduce((sum, c) => sum + c.ms, 0);
    return `after ${where(ends[i - 1])}, until ${i < ends.length ? where(ends[i]) : "the end"}; garbage collection in it: ${Math.round(gc)} ms`;
  };
  return { tick, longest };
}

/**
 * How slices are timed: `wall`, or `cpu` (this process's CPU time, so a machine busy with other work,
 * which preempts us mid-slice, does not inflate them; but V8's helper threads — concurrent GC
 * marking and optimising compiles, which do not hold up the main thread — count too), or `thread`
 * (the main thread's own time on a CPU, from Linux's /proc/thread-self/schedstat).
 */
export type SliceClock = "wall" | "cpu" | "thread";

/** The slice clock a benchmark's arguments ask for (`--cpu-clock`, `--thread-clock`, else wall). */
export const sliceClockOf = (args: readonly string[]): SliceClock =>
  args.includes("--thread-clock") ? "thread" : args.includes("--cpu-clock") ? "cpu" : "wall";

const threadMs = (): number => Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]) / 1e6;

export async function benchPatternSlices(scale: number, sliceClock: SliceClock): Promise<Record<string, number | string>> {
  const vault = patternVault(1, false, scale);
  vault.files["LifeBetter/Problems/A year on one problem.md"] = benchLongProblem(LONG_TABLE_ROWS, vault.now);
  const paths = Object.keys(vault.files);
  const entries = paths.filter((path) => path.includes("/Entries/")).length;
  const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  const clock = sliceClock === "cpu" ? () => process.cpuUsage().user / 1000 : sliceClock === "thread" ? threadMs : () => performance.now();
  const gc = watchCollections();
  let start = performance.now();
  // Reading is sliced as in the view; its longest slice is reported apart from the engine's.
  const loading = new TimeSlicer(yieldToLoop, 8, clock);
  const loadTicks = labelledTick(loading, gc.collections);
  const records = await loadRecords(new MemoryNoteRepository(vault.files), DEFAULT_SETTINGS, undefined, loadTicks.tick);
  loading.finish();
  const loadMs = performance.now() - start;
  const slicer = new TimeSlicer(yieldToLoop, 8, clock);
  const engineTicks = labelledTick(slicer, gc.collections);
  start = performance.now();
  const report = await findPatterns(records, { now: vault.now, tick: engineTicks.tick });
  slicer.finish();
  const engineMs = performance.now() - start;
  // Let the last collections' entries arrive.
  await new Promise((resolve) => setTimeout(resolve, 50));
  gc.stop();
  const sorted = [...slicer.sliceMs].sort((a, b) => a - b);
  const ms = (q: number): number => Math.round(quantileSorted(sorted, q) * 10) / 10;
  return {
    sliceClock,
    notes: paths.length,
    entries,
    loadMs: Math.round(loadMs),
    loadLongestSliceMs: Math.round(loading.longestSliceMs * 10) / 10,
    loadLongestSlice: loadTicks.longest(),
    engineMs: Math.round(engineMs),
    longestSliceMs: Math.round(slicer.longestSliceMs * 10) / 10,
    longestSlice: engineTicks.longest(),
    longestTableRows: LONG_TABLE_ROWS,
    sliceP50Ms: ms(0.5),
    sliceP95Ms: ms(0.95),
    slices: slicer.slices,
    hypotheses: report.tested,
    proposals: report.proposals.length,
  };
}
