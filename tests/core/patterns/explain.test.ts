import { describe, expect, it } from "vitest";
import { explain, explainGroup } from "../../../src/core/patterns/explain";
import type { PatternCandidate } from "../../../src/core/patterns/pattern-types";

const candidate = (test: PatternCandidate["test"], fact = false): PatternCandidate => ({
  key: "k",
  name: "n",
  description: "d",
  pattern_type: "problem-solving",
  positive: true,
  compared: "the 12 attempts that used Sleep on it (11 succeeded) against your 110 attempts with other skills (56 succeeded)",
  evidence: [],
  suggestion: "s",
  chart: { kind: "bar", title: "t", labels: [], series: [], yLabel: "" },
  test,
  fact,
});

describe("why a pattern was proposed", () => {
  it("says what was compared, how many observations, the effect with its interval and the chance it is noise", () => {
    const why = explain(candidate({ p: 0.002, effect: 0.36, large: 0.3, n: 12, interval: [0.14, 0.58], unit: "rate" }), 0.024);
    expect(why).toBe(
      "Compared the 12 attempts that used Sleep on it (11 succeeded) against your 110 attempts with other skills (56 succeeded) (12 observations in the smaller group): " +
        "a success rate 36 points above the rest, after weighing it toward your usual rate (90% interval 14 to 58 points). " +
        "Among findings this strong, about 2.4% are expected to be chance, counting every question asked of your notes.",
    );
  });

  it("words a contrast of two skills as the distance between their rates", () => {
    const why = explain(candidate({ p: 0.01, effect: 0.42, large: 0.3, n: 10, interval: [0.15, 0.69], unit: "rate", contrast: true }), 0.03);
    expect(why).toContain("success rates 42 points apart, after weighing both toward your usual rate (90% interval 15 to 69 points)");
  });

  it("words each kind of effect in its own unit", () => {
    expect(explain(candidate({ p: 0, effect: -0.9, large: 0.8, n: 30, interval: [-1.3, -0.5], unit: "d" }), 0.0001)).toContain(
      "a difference of 0.9 standard deviations (90% interval -1.3 to -0.5). Among findings this strong, fewer than 1 in 1,000",
    );
    expect(explain(candidate({ p: 0, effect: 0.45, large: 0.5, n: 90, interval: [0.3, 0.58], unit: "r" }), 0.01)).toContain(
      "a correlation of 0.45 (90% interval 0.3 to 0.58)",
    );
  });

  it("calls a fact a fact", () => {
    expect(explain(candidate({ p: 0, effect: 1, large: 1, n: 2, interval: [1, 1], unit: "share" }, true), 0)).toBe(
      "Read from your notes: the 12 attempts that used Sleep on it (11 succeeded) against your 110 attempts with other skills (56 succeeded).",
    );
  });
});

describe("why comparisons grouped into one finding were proposed", () => {
  const contrast = (compared: string, effect: number): PatternCandidate => ({
    ...candidate({ p: 0.01, effect, large: 0.3, n: 10, interval: [effect - 0.25, effect + 0.25], unit: "rate", contrast: true }),
    compared,
  });

  it("explains the clearest in full, says the confidence shown is its own, then each other comparison with its own", () => {
    const why = explainGroup([
      {
        candidate: contrast("the 10 attempts that used Sleep on it (8 succeeded) against the 10 that used Brute force (2 succeeded)", 0.42),
        q: 0.03,
        confidence: 0.88,
      },
      {
        candidate: contrast("the 10 attempts that used Sleep on it (8 succeeded) against the 12 that used Timeboxing (3 succeeded)", 0.36),
        q: 0.08,
        confidence: 0.61,
      },
    ]).split("\n");
    expect(why).toHaveLength(2);
    expect(why[0]).toContain("against the 10 that used Brute force (2 succeeded) (10 observations in the smaller group): success rates 42 points apart");
    expect(why[0]).toContain("The confidence shown is this comparison's (0.88)");
    expect(why[1]).toBe(
      "Compared the 10 attempts that used Sleep on it (8 succeeded) against the 12 that used Timeboxing (3 succeeded): " +
        "success rates 36 points apart, after weighing both toward your usual rate (90% interval 11 to 61 points); " +
        "among findings this strong, about 8% are chance; confidence 0.61 on its own.",
    );
  });

  it("is the plain explanation for a finding alone", () => {
    const alone = contrast("the 10 attempts that used Sleep on it (8 succeeded) against the 10 that used Brute force (2 succeeded)", 0.42);
    expect(explainGroup([{ candidate: alone, q: 0.03, confidence: 0.88 }])).toBe(explain(alone, 0.03));
  });
});
