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

describe("time slicing shared by callers working at once (notes read in parallel)", () => {
  const run = async (): Promise<{ longest: number; yields: number }> => {
    let now = 0;
    let yields = 0;
    // The yield resolves on a later task, as the plugin's does (the UI paints in between).
    const slicer = new TimeSlicer(
      () => {
        yields++;
        return new Promise<void>((resolve) => setTimeout(resolve, 0));
      },
      8,
      () => now,
    );
    const worker = async (): Promise<void> => {
      for (let unit = 0; unit < 10; unit++) {
        await Promise.resolve(); // the note's read
        now += 3;
        await slicer.tick();
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    slicer.finish();
    return { longest: slicer.longestSliceMs, yields };
  };

  it("makes callers that tick while a yield is under way wait for that one yield", async () => {
    let now = 0;
    let yields = 0;
    let release = (): void => undefined;
    const slicer = new TimeSlicer(
      () => {
        yields++;
        return new Promise<void>((resolve) => (release = resolve));
      },
      8,
      () => now,
    );
    now = 10;
    let resumed = 0;
    const callers = Array.from({ length: 16 }, async () => {
      await slicer.tick();
      resumed++;
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect({ yields, resumed }).toEqual({ yields: 1, resumed: 0 });
    release();
    await Promise.all(callers);
    expect({ yields, resumed, slices: slicer.slices }).toEqual({ yields: 1, resumed: 16, slices: 1 });
  });

  it("counts in the slice the units other callers ran before the yield took effect", async () => {
    // Ticking only after a unit, every caller whose read came back runs one more unit first.
    expect((await run()).longest).toBeGreaterThanOrEqual(16 * 3);
  });
});
