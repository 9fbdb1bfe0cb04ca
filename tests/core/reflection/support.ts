import moment from "moment";
import type { DateFormatter } from "../../../src/core/dates/date-format";
import type { ReflectionEnv } from "../../../src/core/reflection/open-reflection";
import type { PeriodicConfigs } from "../../../src/core/reflection/periodic-config";
import { loadSettings, type LifeBetterSettings } from "../../../src/core/settings";
import { MemoryNoteRepository } from "../../support/memory-note-repository";

export const format: DateFormatter = (date, pattern) => moment(date).format(pattern);

export function configs(daily: Partial<PeriodicConfigs["daily"]> = {}): PeriodicConfigs {
  const base = { folder: "LifeBetter/Reflections", template: "", source: "lifebetter" as const };
  return {
    daily: { ...base, format: "YYYY-MM-DD", ...daily },
    weekly: { ...base, format: "GGGG-[W]WW" },
    monthly: { ...base, format: "YYYY-MM" },
  };
}

/** A reflection environment over an in-memory vault, at a fixed local noon. */
export function env(
  files: Record<string, string> = {},
  settings: Partial<LifeBetterSettings> = {},
  daily: Partial<PeriodicConfigs["daily"]> = {},
): ReflectionEnv & { repo: MemoryNoteRepository } {
  return {
    repo: new MemoryNoteRepository(files),
    settings: { ...loadSettings({}), ...settings },
    configs: configs(daily),
    format,
    now: new Date(2026, 10, 24, 21, 5),
  };
}
