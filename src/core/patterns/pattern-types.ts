import type { PATTERN_TYPES } from "../schema/kinds";
import type { TestResult } from "./statistics";

export type PatternType = (typeof PATTERN_TYPES)[number];

/** What the view draws for a pattern (plain data: the view turns it into a chart.js chart). */
export type ChartSpec =
  | { kind: "bar"; title: string; labels: string[]; series: ChartSeries[]; yLabel: string; max?: number }
  | { kind: "line"; title: string; labels: string[]; series: ChartSeries[]; yLabel: string; max?: number }
  | { kind: "calendar"; title: string; days: { date: string; done: boolean }[]; habit: string };

export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

/** A pattern as a detector finds it, before the engine scores it. */
export interface PatternCandidate {
  /** Stable across runs for the same finding: how Pattern notes are matched to proposals. */
  key: string;
  name: string;
  description: string;
  pattern_type: PatternType;
  positive: boolean;
  /** Vault paths of the notes the finding rests on. */
  evidence: string[];
  suggestion: string;
  chart: ChartSpec;
  test: TestResult;
  /**
   * The false-discovery family its q-value is computed in (see engine.ts), the same name its
   * detector passed to `counted`; none: the shared family of every other question.
   */
  family?: string;
  /** A fact read from the notes rather than an inference (stale problems): no p-value correction. */
  fact?: boolean;
  /** What was compared, in plain words ("your mood on the 40 days you do Exercise against the other 50"). */
  compared: string;
  /**
   * A comparison of two things (one skill against another), scored on its own and proposed grouped
   * with the other comparisons of one of its two sides (grouping.ts): each side's grouped finding.
   */
  pair?: readonly [PairSide, PairSide];
}

/** One side of a pairwise comparison, as the finding its comparisons are grouped into. */
export interface PairSide {
  /** The grouped finding's key: stays the same while this side is compared with others, whichever they are. */
  key: string;
  /** The grouped finding's words, from its member comparisons (clearest first). */
  words: (members: readonly PatternCandidate[]) => Pick<PatternCandidate, "name" | "description" | "suggestion" | "positive">;
}

/** A proposal the user sees. */
export interface PatternProposal extends Omit<PatternCandidate, "test" | "compared" | "family" | "pair"> {
  /** 0–1: the calibrated probability that the pattern is real (see confidence.ts). */
  confidence: number;
  /** Why it was proposed, in plain words: what was compared, over how many observations, the effect with its interval. */
  why: string;
  /** How many notes back it (the `occurrences` of a Pattern note). */
  occurrences: number;
  /** The Pattern note already written for it (status detected: rated but not decided). */
  notePath?: string;
  helpful?: number;
  feedback?: string;
}

/** What the engine returns: proposals best first, and the overview charts. */
export interface PatternReport {
  proposals: PatternProposal[];
  overview: ChartSpec[];
  /** Hypotheses tested (the m of the false-discovery control). */
  tested: number;
}
