import { describe, expect, it } from "vitest";
import { TimeSlicer } from "../../../src/core/patterns/slicer";

describe("time slicing", () => {
  it("yields only once a slice has run for its budget, and remembers the longest slice", async () => {
    let now = 0;
    let yields = 0;
    const slicer = new TimeSlicer(
      () => {
        yields++;
        return Promise.resolve();
      },
      8,
      () => now,
    );
    for (const step of [3, 3, 3, 20, 1, 1]) {
      now += step;
      await slicer.tick();
    }
    // 3+3+3 = 9 ms ≥ 8: yield; then 20 ms: yield; 1+1 = 2 ms: no yield yet.
    expect(yields).toBe(2);
    slicer.finish();
    expect(slicer.longestSliceMs).toBe(20);
    expect(slicer.slices).toBe(3);
  });
});
