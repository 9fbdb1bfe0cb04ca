import { mean } from "simple-statistics";
import { hashText } from "../index/text-hash";
import type { PatternCandidate } from "./pattern-types";
import { differenceTest, type TestResult } from "./statistics";
import type { PatternData } from "./pattern-data";

/** What a detector gets besides the data: a way to yield to the UI, and seeds for its tests. */
export interface DetectContext {
  /** Awaited between units of work; yields when the current slice has run long enough. */
  tick: () => Promise<void>;
  /** A seed derived from a candidate's key, so a permutation test is the same on every run. */
  seed: (key: string) => number;
  /**
   * Counts a hypothesis tested (even when not kept): the engine corrects p-values for all of them,
   * within the hypothesis's false-discovery family (none: the shared family of every other question).
   */
  counted: (family?: string) => void;
}

export type Detector = (data: PatternData, context: DetectContext) => Promise<PatternCandidate[]>;

export function seedOf(key: string): number {
  return parseInt(hashText(key).slice(0, 6), 36);
}

/** Mean to one decimal, for descriptions and charts. */
export function round1(values: readonly number[]): number {
  return Math.round(mean(values) * 10) / 10;
}

/** Keeps, of candidates that say the same thing in different ways, the one with the smallest p. */
export function strongest(candidates: PatternCandidate[]): PatternCandidate[] {
  const best = [...candidates].sort((a, b) => a.test.p - b.test.p || Math.abs(b.test.effect) - Math.abs(a.test.effect))[0];
  return best ? [best] : [];
}

/** Values of `value` for the items, skipping missing ones. */
export function present<T>(items: readonly T[], value: (item: T) => number | undefined): { items: T[]; values: number[] } {
  const kept: T[] = [];
  const values: number[] = [];
  for (const item of items) {
    const v = value(item);
    if (v !== undefined) {
      kept.push(item);
      values.push(v);
    }
  }
  return { items: kept, values };
}

export const unique = (paths: Iterable<string>): string[] => [...new Set(paths)].sort();

/** Session values split by a group: the group's values with their problems (its evidence), and everyone else's values. */
export function splitSessions<S extends { problemPath: string }>(
  sessions: readonly S[],
  values: readonly number[],
  member: (session: S) => boolean,
): { inside: number[]; outside: number[]; evidence: string[] } {
  const inside: number[] = [];
  const outside: number[] = [];
  const evidence: string[] = [];
  sessions.forEach((session, i) => {
    if (member(session)) {
      inside.push(values[i]!);
      evidence.push(session.problemPath);
    } else outside.push(values[i]!);
  });
  return { inside, outside, evidence };
}

/** Tests a group's values against the rest (counted as one question): the test, its direction and both means, or null when it cannot be tested. */
export async function groupDifference(
  key: string,
  inside: readonly number[],
  outside: readonly number[],
  context: DetectContext,
): Promise<{ test: TestResult; higher: boolean; a: number; b: number } | null> {
  const test = await differenceTest(inside, outside, context.seed(key), context.tick);
  if (!test) return null;
  context.counted();
  return { test, higher: test.effect > 0, a: round1(inside), b: round1(outside) };
}
