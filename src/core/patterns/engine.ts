import { DEFAULT_STALE_DAYS } from "../settings";
import type { VaultRecords } from "../vault/records";
import { confidenceOf, MIN_SHOWN } from "./confidence";
import { explainGroup } from "./explain";
import { groupFindings, type FindingGroup } from "./grouping";
import { benjaminiHochberg } from "./false-discovery";
import { seedOf, type DetectContext, type Detector } from "./detect-context";
import { detectActivityTypes } from "./detectors/activity";
import { detectBehavioral } from "./detectors/behavioral";
import { detectChanges } from "./detectors/changes";
import { detectEmotional } from "./detectors/emotional";
import { detectProblemSolving, skillOutcomes } from "./detectors/problem-solving";
import { detectTemporal } from "./detectors/temporal";
import { detectThinking } from "./detectors/thinking";
import { byActivityTypeChart, focusByHourChart, habitCalendarChart, moodOverTimeChart, skillSuccessChart, timePerProblemChart } from "./charts";
import { patternData, type PatternData, type PatternNote } from "./pattern-data";
import type { ChartSpec, PatternCandidate, PatternProposal, PatternReport } from "./pattern-types";

export const DETECTORS: readonly Detector[] = [
  detectTemporal,
  detectEmotional,
  detectProblemSolving,
  detectBehavioral,
  detectThinking,
  detectChanges,
  detectActivityTypes,
];

/** Statuses of a Pattern note after which its pattern is never proposed again. */
const DECIDED = new Set(["confirmed", "dismissed"]);
/** A candidate whose evidence is at least this much a decided note's, in the same family, is that pattern again. */
const SAME_EVIDENCE = 0.5;

/** Theme keys follow their words and members, so a theme is also recognised by its evidence. */
const THEME_FAMILIES = ["behavioral/blockers/", "thinking/questions/", "problem-solving/failed-attempts/"];
const family = (key: string): string | undefined => THEME_FAMILIES.find((prefix) => key.startsWith(prefix));

/**
 * Whether the person already decided on this pattern: by its key, or — for themes, whose key
 * follows their words and members — by a decided note of the same family resting on at least half
 * the same notes.
 */
function decided(candidate: PatternCandidate, notes: readonly PatternNote[]): boolean {
  return notes.some((note) => {
    if (!DECIDED.has(note.status)) return false;
    if (note.key === candidate.key) return true;
    const theme = family(candidate.key);
    if (!theme || family(note.key) !== theme || candidate.evidence.length === 0) return false;
    const theirs = new Set(note.evidence);
    return candidate.evidence.filter((path) => theirs.has(path)).length >= candidate.evidence.length * SAME_EVIDENCE;
  });
}

export interface PatternOptions {
  now?: Date;
  staleDays?: number;
  /** Entry path → note vector, from the index: themes are then read by meaning (none: by words). */
  vectors?: ReadonlyMap<string, readonly number[]>;
  /** The habits of the settings, with the weekly targets the person aims for. */
  habits?: readonly { name: string; targetPerWeek: number }[];
  /** Work-session activity types recognised in the Sessions tables (built-in and the user's own). */
  activityTypes?: readonly string[];
  /** Awaited between units of work (a TimeSlicer's tick in the plugin). */
  tick?: () => Promise<void>;
}

/** The charts of the view's overview, for whatever data exists. */
export function overviewCharts(data: PatternData): ChartSpec[] {
  const charts: ChartSpec[] = [];
  if (data.days.some((d) => d.mood !== undefined || d.sleep !== undefined || d.energy !== undefined)) charts.push(moodOverTimeChart(data.days));
  if (data.problems.some((p) => (p.timeSpent ?? 0) > 0)) charts.push(timePerProblemChart(data.problems));
  const outcomes = [...skillOutcomes(data)].map(([path, o]) => ({ name: data.skills.get(path) ?? path, successes: o.successes, uses: o.uses }));
  if (outcomes.length > 0) charts.push(skillSuccessChart(outcomes));
  const habits = new Map<string, number>();
  for (const day of data.days) for (const habit of day.habits) habits.set(habit, (habits.get(habit) ?? 0) + 1);
  const topHabit = [...habits].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  if (topHabit) charts.push(habitCalendarChart(data.days, topHabit));
  if (data.sessions.some((s) => s.focus !== undefined)) charts.push(focusByHourChart(data.sessions));
  if (data.sessions.some((s) => s.activityType !== undefined)) charts.push(byActivityTypeChart(data.sessions));
  return charts;
}

/** A candidate with its false-discovery q-value. */
export interface ScoredCandidate {
  candidate: PatternCandidate;
  q: number;
  /** −log10 of the smallest q-value among the family's candidates on other notes (0 when none, and in the shared family): see confidence.ts. */
  support: number;
  /** −log10 of the smallest q-value among every other inferred candidate of the vault (0 when none): see confidence.ts. */
  elsewhere: number;
}

/** The family of every question that names none. */
const SHARED_FAMILY = "";

/**
 * Runs every detector over prepared data and gives each inferred candidate its Benjamini–Hochberg
 * q-value over every hypothesis tested (facts get 0), and its family's support: the success rates
 * of meta-skills are a family, and a skill finding's support is the clearest finding (by q-value
 * within the family) about other skills. (A q-value per family instead was tried: it let chance
 * skill findings in vaults with nothing planted reach 0.5 in one vault in nine.) The calibration
 * (confidence.ts) is fitted on both. `tested` counts every hypothesis.
 */
export async function scoreCandidates(
  data: PatternData,
  tick: () => Promise<void> = () => Promise.resolve(),
): Promise<{ scored: ScoredCandidate[]; tested: number }> {
  const counts = new Map<string, number>();
  const context: DetectContext = { tick, seed: seedOf, counted: (family = SHARED_FAMILY) => void counts.set(family, (counts.get(family) ?? 0) + 1) };
  const candidates: PatternCandidate[] = [];
  for (const detector of DETECTORS) {
    candidates.push(...(await detector(data, context)));
    await tick();
  }
  const tested = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const inferred = candidates.filter((c) => !c.fact);
  const globalQ = benjaminiHochberg(
    inferred.map((c) => c.test.p),
    tested,
  );
  const qOf = new Map<PatternCandidate, { q: number; support: number }>();
  for (const family of counts.keys()) {
    if (family === SHARED_FAMILY) continue;
    const members = candidates.filter((c) => !c.fact && (c.family ?? SHARED_FAMILY) === family);
    const q = benjaminiHochberg(
      members.map((c) => c.test.p),
      counts.get(family) ?? 0,
    );
    // Support: the clearest finding of the family (by its q-value within the family) that rests on
    // none of the same notes (another skill's record), so a skill's own test and its contrasts do
    // not vouch for each other.
    const evidence = q.map((value) => -Math.log10(Math.max(value, 1e-10)));
    const notes = members.map((c) => new Set(c.evidence));
    members.forEach((c, i) => {
      let support = 0;
      members.forEach((other, j) => {
        if (j !== i && evidence[j]! > support && !other.evidence.some((path) => notes[i]!.has(path))) support = evidence[j]!;
      });
      qOf.set(c, { q: 1, support });
    });
    await tick();
  }
  await tick();
  inferred.forEach((c, i) => qOf.set(c, { q: globalQ[i]!, support: qOf.get(c)?.support ?? 0 }));
  // Elsewhere: the vault's clearest other finding of any kind (the best, or for the best itself the
  // runner-up), so a lone chance finding in notes where nothing else stands out is told apart.
  const clearest = globalQ.map((value) => -Math.log10(Math.max(value, 1e-10)));
  const best = clearest.reduce((top, value, i) => (value > (clearest[top] ?? -1) ? i : top), -1);
  const runnerUp = clearest.reduce((top, value, i) => (i !== best && value > top ? value : top), 0);
  const elsewhere = new Map(inferred.map((c, i) => [c, i === best ? runnerUp : (clearest[best] ?? 0)]));
  return {
    scored: candidates.map((candidate) => ({
      candidate,
      q: qOf.get(candidate)?.q ?? 0,
      support: qOf.get(candidate)?.support ?? 0,
      elsewhere: elsewhere.get(candidate) ?? 0,
    })),
    tested,
  };
}

/**
 * The findings to show, as they are proposed: each candidate not decided on already, with its
 * confidence, at MIN_SHOWN or more; comparisons grouped by the side they share (grouping.ts), unless
 * the group was decided on.
 */
export function proposedFindings(
  scored: readonly ScoredCandidate[],
  notes: readonly PatternNote[] = [],
): FindingGroup<ScoredCandidate & { confidence: number }>[] {
  const findings = scored
    .filter(({ candidate }) => !decided(candidate, notes))
    .map((s) => ({ ...s, confidence: confidenceOf(s.candidate, s.q, s.support, s.elsewhere) }))
    .filter((f) => f.confidence >= MIN_SHOWN);
  return groupFindings(findings).filter((group) => !decided(group.candidate, notes));
}

/** Runs every detector over prepared data and scores their candidates. */
export async function detectPatterns(data: PatternData, tick: () => Promise<void> = () => Promise.resolve()): Promise<PatternReport> {
  const { scored, tested } = await scoreCandidates(data, tick);
  await tick();
  const notes = new Map(data.notes.map((note) => [note.key, note]));
  const proposals: PatternProposal[] = [];
  const findings = proposedFindings(scored, data.notes);
  await tick();
  for (const { candidate, lead, members } of findings) {
    const note = notes.get(candidate.key);
    const { test: _test, compared: _compared, family: _family, pair: _pair, ...shown } = candidate;
    proposals.push({
      ...shown,
      confidence: lead.confidence,
      why: explainGroup(members),
      occurrences: candidate.evidence.length,
      notePath: note?.path,
      helpful: note?.helpful,
      feedback: note?.feedback,
    });
    await tick();
  }
  proposals.sort((a, b) => b.confidence - a.confidence || a.key.localeCompare(b.key));
  // The overview's charts read every day and session: a step of its own.
  await tick();
  return { proposals, overview: overviewCharts(data), tested };
}

/** Reads the records (all kinds) and proposes patterns, best first. */
export async function findPatterns(vault: VaultRecords, options: PatternOptions = {}): Promise<PatternReport> {
  const tick = options.tick ?? (() => Promise.resolve());
  const data = await patternData(vault, options.now ?? new Date(), tick, options.staleDays ?? DEFAULT_STALE_DAYS, options.habits ?? [], options.activityTypes);
  if (options.vectors && options.vectors.size > 0) data.vectors = options.vectors;
  return detectPatterns(data, tick);
}
