import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { IdleGate } from "../../../src/core/index/idle-gate";

describe("IdleGate", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function gate(quietMs = 10_000) {
    const calls: string[] = [];
    const idle = new IdleGate({
      quietMs: () => quietMs,
      timers: { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as number) },
      hold: () => calls.push("hold"),
      release: () => calls.push("release"),
    });
    return { idle, calls };
  }

  it("holds at the first keystroke and lets go once the user has been quiet for the set time", () => {
    const { idle, calls } = gate();
    idle.activity();
    expect(calls).toEqual(["hold"]);
    expect(idle.holding).toBe(true);
    vi.advanceTimersByTime(9_999);
    expect(calls).toEqual(["hold"]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(["hold", "release"]);
    expect(idle.holding).toBe(false);
  });

  it("restarts the wait at every keystroke and holds once per spell of typing", () => {
    const { idle, calls } = gate();
    for (let i = 0; i < 20; i++) {
      idle.activity();
      vi.advanceTimersByTime(5_000);
    }
    expect(calls).toEqual(["hold"]);
    vi.advanceTimersByTime(5_000);
    expect(calls).toEqual(["hold", "release"]);
    idle.activity();
    expect(calls).toEqual(["hold", "release", "hold"]);
  });

  it("forgets a hold without releasing it when cancelled", () => {
    const { idle, calls } = gate();
    idle.activity();
    idle.cancel();
    vi.advanceTimersByTime(60_000);
    expect(calls).toEqual(["hold"]);
    expect(idle.holding).toBe(false);
  });
});
