import { describe, expect, it } from "vitest";
import { confidenceOf, CONFIDENT } from "../../../src/core/patterns/confidence";
import type { PatternCandidate } from "../../../src/core/patterns/pattern-types";

const skillRate = (test: Omit<PatternCandidate["test"], "unit" | "p">): PatternCandidate => ({
  key: "problem-solving/skill-success/skill 2",
  name: "n",
  description: "d",
  pattern_type: "problem-solving",
  positive: true,
  compared: "c",
  evidence: [],
  suggestion: "s",
  chart: { kind: "bar", title: "t", labels: [], series: [], yLabel: "" },
  test: { ...test, p: 0.001, unit: "rate" },
});

describe("the confidence of a finding, next to the vault's other findings", () => {
  // Shaped like the chance findings of notes with nothing planted: q 0.2, 15 points over 40
  // attempts, an interval that only just stays clear of zero.
  const marginal = skillRate({ effect: 0.15, large: 0.25, n: 40, interval: [0.02, 0.28] });

  it("holds a lone finding whose interval nearly touches zero below confident", () => {
    expect(confidenceOf(marginal, 0.2, 0, 0)).toBeLessThan(CONFIDENT);
    // Nothing else stands out when the clearest other finding is at q 0.05.
    expect(confidenceOf(marginal, 0.2, 0, -Math.log10(0.05))).toBeLessThan(CONFIDENT);
  });

  it("proposes the same finding with confidence when another finding in the notes clearly stands out", () => {
    expect(confidenceOf(marginal, 0.2, 0, -Math.log10(0.0003))).toBeGreaterThanOrEqual(CONFIDENT);
  });

  it("does not hold a lone finding whose interval stays well clear of zero", () => {
    const clear = skillRate({ effect: 0.3, large: 0.25, n: 30, interval: [0.15, 0.45] });
    expect(confidenceOf(clear, 0.01, 0, 0)).toBeGreaterThanOrEqual(0.9);
  });
});
