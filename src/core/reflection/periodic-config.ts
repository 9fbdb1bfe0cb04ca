import type { LifeBetterSettings } from "../settings";
import type { ReflectionPeriod } from "./periods";

/** Where the user's notes of one period live and how they are named. */
export interface PeriodicNoteConfig {
  /** Vault folder ("" = the vault root). */
  folder: string;
  /** moment.js pattern of the file name; may hold "/" for sub-folders ("YYYY/MM/YYYY-MM-DD"). */
  format: string;
  /** The template note's path as the plugin stores it (often without ".md"); "" = none. */
  template: string;
  /** Which settings said so. */
  source: "periodic-notes" | "daily-notes" | "lifebetter";
}

export type PeriodicConfigs = Record<ReflectionPeriod, PeriodicNoteConfig>;

/** Reads a file of the vault's config folder; null when it does not exist. */
export type ConfigReader = (path: string) => Promise<string | null>;

/** Periodic Notes' and Obsidian's defaults for a pattern left empty. */
export const DEFAULT_FORMATS: Record<ReflectionPeriod, string> = { daily: "YYYY-MM-DD", weekly: "GGGG-[W]WW", monthly: "YYYY-MM" };

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

function folderOf(value: unknown): string {
  return text(value).replace(/^\/+|\/+$/g, "");
}

async function readJson(read: ConfigReader, path: string): Promise<Record<string, unknown> | null> {
  const raw = await read(path).catch(() => null);
  if (raw === null) return null;
  try {
    const data: unknown = JSON.parse(raw);
    return data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null; // a damaged settings file counts as absent, like Obsidian's own defaults
  }
}

/** Whether community-plugins.json lists the plugin; a missing list does not rule it out. */
async function communityPluginEnabled(read: ConfigReader, configDir: string, id: string): Promise<boolean> {
  const raw = await read(`${configDir}/community-plugins.json`).catch(() => null);
  if (raw === null) return true;
  try {
    const list: unknown = JSON.parse(raw);
    return !Array.isArray(list) || list.includes(id);
  } catch {
    return true;
  }
}

/**
 * Where daily, weekly and monthly notes go: Periodic Notes' settings for each period it has enabled,
 * else the core Daily notes settings for days, else LifeBetter's reflections folder.
 */
export async function readPeriodicConfigs(read: ConfigReader, configDir: string, settings: LifeBetterSettings): Promise<PeriodicConfigs> {
  const fallback = (period: ReflectionPeriod): PeriodicNoteConfig => ({
    folder: settings.folders.reflection,
    format: DEFAULT_FORMATS[period],
    template: "",
    source: "lifebetter",
  });
  const configs: PeriodicConfigs = { daily: fallback("daily"), weekly: fallback("weekly"), monthly: fallback("monthly") };
  const daily = await readJson(read, `${configDir}/daily-notes.json`);
  if (daily) {
    configs.daily = {
      folder: folderOf(daily.folder),
      format: text(daily.format) || DEFAULT_FORMATS.daily,
      template: text(daily.template),
      source: "daily-notes",
    };
  }
  const periodic = await readJson(read, `${configDir}/plugins/periodic-notes/data.json`);
  if (periodic && (await communityPluginEnabled(read, configDir, "periodic-notes"))) {
    for (const period of ["daily", "weekly", "monthly"] as const) {
      const entry = periodic[period];
      if (!entry || typeof entry !== "object") continue;
      const values = entry as Record<string, unknown>;
      if (values.enabled !== true) continue;
      configs[period] = {
        folder: folderOf(values.folder),
        format: text(values.format) || DEFAULT_FORMATS[period],
        template: text(values.template),
        source: "periodic-notes",
      };
    }
  }
  return configs;
}
