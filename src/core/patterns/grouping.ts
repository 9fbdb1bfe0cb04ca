import { unique } from "./detect-context";
import type { PairSide, PatternCandidate } from "./pattern-types";

/** A candidate with its false-discovery q-value and its calibrated confidence. */
export interface ScoredFinding {
  candidate: PatternCandidate;
  q: number;
  confidence: number;
}

/** What is proposed: one finding, or comparisons grouped by the side they share. */
export interface FindingGroup<F extends ScoredFinding> {
  /** The proposal's candidate: for a group, its words and every member's evidence, with the lead's test. */
  candidate: PatternCandidate;
  /** The member whose confidence the proposal carries: the clearest comparison. */
  lead: F;
  /** Every member, clearest first (the finding alone when it is no comparison). */
  members: F[];
}

const clearest = (a: ScoredFinding, b: ScoredFinding): number => b.confidence - a.confidence || a.q - b.q || a.candidate.key.localeCompare(b.candidate.key);

/**
 * Groups pairwise comparisons (`pair`) by the side they share: the side with the most comparisons
 * takes them all (one skill that works better than six others), then the next among those left, so
 * one skill that clearly fails next to several that work is one finding too. Give it the findings
 * to be shown: each member is one a person would have been shown on its own. A group carries its
 * clearest member's confidence, which is what the calibration measured for that comparison, never
 * more: the other members are listed with their own numbers (explainGroup). Other findings pass
 * through alone.
 */
export function groupFindings<F extends ScoredFinding>(findings: readonly F[]): FindingGroup<F>[] {
  const groups: FindingGroup<F>[] = findings.filter((f) => !f.candidate.pair).map((f) => ({ candidate: f.candidate, lead: f, members: [f] }));
  let left = findings.filter((f) => f.candidate.pair);
  while (left.length > 0) {
    const bySide = new Map<string, { side: PairSide; members: F[] }>();
    for (const finding of left) {
      for (const side of finding.candidate.pair!) {
        const entry = bySide.get(side.key) ?? bySide.set(side.key, { side, members: [] }).get(side.key)!;
        entry.members.push(finding);
      }
    }
    const [best] = [...bySide.values()].sort(
      (a, b) => b.members.length - a.members.length || clearest([...a.members].sort(clearest)[0]!, [...b.members].sort(clearest)[0]!),
    );
    const members = [...best!.members].sort(clearest);
    const lead = members[0]!;
    const words = best!.side.words(members.map((m) => m.candidate));
    groups.push({
      candidate: { ...lead.candidate, ...words, key: best!.side.key, evidence: unique(members.flatMap((m) => m.candidate.evidence)), pair: undefined },
      lead,
      members,
    });
    const taken = new Set(members);
    left = left.filter((f) => !taken.has(f));
  }
  return groups;
}
