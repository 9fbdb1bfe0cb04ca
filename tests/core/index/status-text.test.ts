import { describe, expect, it } from "vitest";
import { embeddingText } from "../../../src/core/index/status-text";

describe("the status line while meaning is computed", () => {
  it("says how far, how fast and how long is left, in words a glance can read", () => {
    expect(embeddingText(1234, 14000, 8.14, 28 * 60 + 10, false)).toBe("Meaning 1,234 / 14,000 · 8.1/s · 28 min left");
    expect(embeddingText(500, 14000, 77.4, 2 * 3600 + 5 * 60, false)).toBe("Meaning 500 / 14,000 · 77/s · 2 h 5 min left");
    expect(embeddingText(13990, 14000, 20, 10, false)).toBe("Meaning 13,990 / 14,000 · 20/s · under a minute left");
    expect(embeddingText(0, 14000, 0, null, false)).toBe("Meaning 0 / 14,000");
  });

  it("says when it is paused", () => {
    expect(embeddingText(1234, 14000, 8, 1680, true)).toBe("Meaning paused · 1,234 / 14,000");
    expect(embeddingText(1234, 14000, 8, 1680, "idle")).toBe("Meaning waits while you work · 1,234 / 14,000");
  });
});
