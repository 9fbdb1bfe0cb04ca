import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, loadSettings } from "../../src/core/settings";

describe("loadSettings: the search index settings", () => {
  it("defaults to the downloaded model with search by meaning on", () => {
    expect(loadSettings(undefined)).toMatchObject({ embeddingModel: "", semanticIndex: true });
    expect(loadSettings({ reviewsPerDay: 3 })).toMatchObject({ embeddingModel: "", semanticIndex: true });
  });

  it("keeps valid values, tidying the folder's slashes and spaces", () => {
    expect(loadSettings({ embeddingModel: " /Models/MiniLM/ ", semanticIndex: false })).toMatchObject({ embeddingModel: "Models/MiniLM", semanticIndex: false });
  });

  it("falls back to the defaults for wrong-typed values instead of failing", () => {
    const loaded = loadSettings({ embeddingModel: 42, semanticIndex: "no" });
    expect(loaded.embeddingModel).toBe(DEFAULT_SETTINGS.embeddingModel);
    expect(loaded.semanticIndex).toBe(true);
  });
});
