import { describe, expect, it } from "vitest";
import { locateReflection } from "../../../src/core/reflection/location";
import { readPeriodicConfigs } from "../../../src/core/reflection/periodic-config";
import { periodRange } from "../../../src/core/reflection/periods";
import { loadSettings } from "../../../src/core/settings";
import { format } from "./support";

const settings = loadSettings({});
const reader = (files: Record<string, string>) => (path: string) => Promise.resolve(files[path] ?? null);

describe("where reflections go", () => {
  it("follows the core Daily notes folder and format (sub-folders and weekday names included)", async () => {
    const configs = await readPeriodicConfigs(
      reader({ ".obsidian/daily-notes.json": JSON.stringify({ folder: "/Journal/", format: "YYYY/MM/YYYY-MM-DD dddd", template: "Templates/Daily" }) }),
      ".obsidian",
      settings,
    );
    expect(configs.daily).toEqual({ folder: "Journal", format: "YYYY/MM/YYYY-MM-DD dddd", template: "Templates/Daily", source: "daily-notes" });
    const own = locateReflection(periodRange("daily", "2026-03-01"), configs, false, format);
    expect(own).toMatchObject({ periodicPath: "Journal/2026/03/2026-03-01 Sunday.md", path: "Journal/2026/03/2026-03-01 Sunday reflection.md" });
    expect(locateReflection(periodRange("daily", "2026-03-01"), configs, true, format).path).toBe("Journal/2026/03/2026-03-01 Sunday.md");
    // Weeks and months without Periodic Notes go to LifeBetter's reflections folder.
    expect(configs.weekly).toMatchObject({ folder: "LifeBetter/Reflections", format: "GGGG-[W]WW", source: "lifebetter" });
  });

  it("an empty Daily notes format is Obsidian's default YYYY-MM-DD in the vault root", async () => {
    const configs = await readPeriodicConfigs(reader({ "cfg/daily-notes.json": "{}" }), "cfg", settings);
    expect(locateReflection(periodRange("daily", "2026-11-24"), configs, true, format).path).toBe("2026-11-24.md");
  });

  it("uses Periodic Notes for each period it has enabled, over Daily notes", async () => {
    const periodic = {
      daily: { enabled: true, folder: "Periodic/Daily", format: "DD-MM-YYYY", template: "" },
      weekly: { enabled: true, folder: "Periodic/Weekly", format: "gggg-[W]ww", template: "T/Week" },
      monthly: { enabled: false, folder: "Periodic/Monthly", format: "YYYY-MM" },
    };
    const files = {
      ".obsidian/daily-notes.json": JSON.stringify({ folder: "Journal" }),
      ".obsidian/plugins/periodic-notes/data.json": JSON.stringify(periodic),
      ".obsidian/community-plugins.json": JSON.stringify(["periodic-notes", "dataview"]),
    };
    const configs = await readPeriodicConfigs(reader(files), ".obsidian", settings);
    expect(locateReflection(periodRange("daily", "2026-11-24"), configs, true, format).path).toBe("Periodic/Daily/24-11-2026.md");
    expect(locateReflection(periodRange("weekly", "2026-11-26"), configs, true, format).path).toBe("Periodic/Weekly/2026-W48.md");
    expect(configs.weekly.template).toBe("T/Week");
    expect(configs.monthly.source).toBe("lifebetter");
    // Turned off in Obsidian: its settings no longer apply.
    const off = await readPeriodicConfigs(reader({ ...files, ".obsidian/community-plugins.json": "[]" }), ".obsidian", settings);
    expect(off.daily).toMatchObject({ folder: "Journal", source: "daily-notes" });
  });

  it("a damaged settings file counts as absent", async () => {
    const configs = await readPeriodicConfigs(reader({ ".obsidian/daily-notes.json": "{not json" }), ".obsidian", settings);
    expect(configs.daily.source).toBe("lifebetter");
  });
});
