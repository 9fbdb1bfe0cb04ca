import { describe, expect, it } from "vitest";
import { ObsidianNoteRepository } from "../../src/adapters/obsidian/obsidian-repository";
import { loadSettings } from "../../src/core/settings";
import { createPluginContext } from "../../src/ui/plugin-context";
import { indexAccess } from "../support/index-access";
import { MANIFEST, makeApp } from "../support/obsidian-shims";
import LifeBetterPlugin from "../../src/main";

function context() {
  const { app } = makeApp({});
  const plugin = new LifeBetterPlugin(app, MANIFEST);
  const settings = loadSettings({});
  const index = indexAccess(() => ({ state: "building" }));
  return {
    plugin,
    settings,
    index,
    context: createPluginContext(plugin, { repo: new ObsidianNoteRepository(app), settings: () => settings, saveSettings: () => Promise.resolve(), index }),
  };
}

describe("createPluginContext", () => {
  it("hands the plugin, its settings and the one index access to every feature", () => {
    const { plugin, settings, index, context: made } = context();
    expect(made.plugin).toBe(plugin);
    expect(made.app).toBe(plugin.app);
    expect(made.settings()).toBe(settings);
    expect(made.index).toBe(index);
  });

  it("forwards an action to the feature that provided it, with its arguments and result", async () => {
    const { context: made } = context();
    const opened: string[] = [];
    made.provide({ openProblem: (path) => Promise.resolve(void opened.push(path)), activeProblem: () => "Problems/Ship v2.md" });
    // Taken off the context before or after provide, an action reaches the provider.
    const { openProblem } = made;
    await openProblem("Problems/Ship v2.md");
    expect(opened).toEqual(["Problems/Ship v2.md"]);
    expect(made.activeProblem()).toBe("Problems/Ship v2.md");
  });

  it("names the action no registered feature provides", () => {
    const { context: made } = context();
    expect(() => made.openPatterns()).toThrow('LifeBetter: no feature provides "openPatterns"');
  });
});
