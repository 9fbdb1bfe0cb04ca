import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, loadSettings } from "../../src/core/settings";

describe("loadSettings: the search index settings", () => {
  it("defaults to the downloaded model with search by meaning on", () => {
    expect(loadSettings(undefined)).toMatchObject({ embeddingModel: "", semanticIndex: true });
    expect(loadSettings({ reviewsPerDay: 3 })).toMatchObject({ embeddingModel: "", semanticIndex: true });
  });

  it("keeps valid values, tidying the folder's slashes and spaces", () => {
    expect(loadSettings({ embeddingModel: " /Models/MiniLM/ ", semanticIndex: false })).toMatchObject({
      embeddingModel: "Models/MiniLM",
      semanticIndex: false,
    });
  });

  it("keeps a model of the catalogue (English default or multilingual), and only those", () => {
    expect(loadSettings(undefined).embeddingModelId).toBe("Xenova/all-MiniLM-L6-v2");
    expect(loadSettings({ embeddingModelId: "Xenova/multilingual-e5-small" }).embeddingModelId).toBe("Xenova/multilingual-e5-small");
    expect(loadSettings({ embeddingModelId: "someone/unknown" }).embeddingModelId).toBe("Xenova/all-MiniLM-L6-v2");
  });

  it("computes meaning on the graphics card when there is one, and all the time, unless set otherwise", () => {
    expect(loadSettings(undefined)).toMatchObject({ embeddingDevice: "auto", embedOnlyWhenIdle: false, idleSeconds: 10 });
    expect(loadSettings({ embeddingDevice: "wasm", embedOnlyWhenIdle: true, idleSeconds: 30 })).toMatchObject({
      embeddingDevice: "wasm",
      embedOnlyWhenIdle: true,
      idleSeconds: 30,
    });
    expect(loadSettings({ embeddingDevice: "cuda", embedOnlyWhenIdle: "yes", idleSeconds: 0 })).toMatchObject({
      embeddingDevice: "auto",
      embedOnlyWhenIdle: false,
      idleSeconds: 1,
    });
  });

  it("falls back to the defaults for wrong-typed values instead of failing", () => {
    const loaded = loadSettings({ embeddingModel: 42, semanticIndex: "no" });
    expect(loaded.embeddingModel).toBe(DEFAULT_SETTINGS.embeddingModel);
    expect(loaded.semanticIndex).toBe(true);
  });
});

describe("loadSettings: problems", () => {
  it("keeps the stale-days setting and a running session, and drops unusable ones", () => {
    const session = { problemPath: "LifeBetter/Problems/Ship v2.md", start: "2026-11-24T09:00:00+01:00" };
    expect(loadSettings({ staleDays: 30, runningSession: session })).toMatchObject({ staleDays: 30, runningSession: session });
    for (const staleDays of [0, -3, 2.5, "30", null]) expect(loadSettings({ staleDays }).staleDays).toBe(14);
    for (const runningSession of [null, "x", { problemPath: "a.md" }, { problemPath: "a.md", start: "yesterday" }]) {
      expect(loadSettings({ runningSession }).runningSession).toBeNull();
    }
  });
});

describe("loadSettings: home", () => {
  it("opens the home on start only when turned on", () => {
    expect(loadSettings(undefined).openHomeOnStart).toBe(false);
    expect(loadSettings({ openHomeOnStart: true }).openHomeOnStart).toBe(true);
    for (const openHomeOnStart of ["yes", 1, null]) expect(loadSettings({ openHomeOnStart }).openHomeOnStart).toBe(false);
  });
});
