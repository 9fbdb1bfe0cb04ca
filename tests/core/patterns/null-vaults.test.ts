import { describe, expect, it } from "vitest";
import { CONFIDENT } from "../../../src/core/patterns/confidence";
import { detectPatterns } from "../../../src/core/patterns/engine";
import { simulateVault } from "../../support/vault-simulator";

/**
 * Simulated personal vaults with nothing planted (30–365 days, noise, missing days, uneven use of
 * skills): the hundreds of questions asked throw up a chance finding at q ≈ 0.01–0.03 now and then,
 * and it must not be proposed as confident. Seeds apart from the calibration's fit (1–360) and its
 * benchmark (100 000 on).
 */
const FIRST_SEED = 200_000;
const VAULTS = 120;
/** The issue's bar is 95 % of null vaults quiet; a run of 120 vaults allows a little sampling slack. */
const QUIET_SHARE = 0.93;

describe("notes with nothing to find", () => {
  it(`propose nothing at ≥ ${CONFIDENT} in at least ${QUIET_SHARE * 100}% of ${VAULTS} simulated vaults`, async () => {
    const loud: string[] = [];
    for (let seed = FIRST_SEED; seed < FIRST_SEED + VAULTS; seed++) {
      const report = await detectPatterns(simulateVault(seed, "null").data);
      const confident = report.proposals.filter((p) => !p.fact && p.confidence >= CONFIDENT);
      if (confident.length > 0) loud.push(`${seed}: ${confident.map((p) => `${p.confidence} ${p.key}`).join(", ")}`);
    }
    console.log(`${VAULTS - loud.length} of ${VAULTS} null vaults quiet\n${loud.join("\n")}`);
    expect(VAULTS - loud.length).toBeGreaterThanOrEqual(Math.ceil(VAULTS * QUIET_SHARE));
  }, 120_000);
});
