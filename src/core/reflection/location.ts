import { joinVaultPath, noteName } from "../vault/paths";
import type { DateFormatter } from "../dates/date-format";
import type { PeriodicConfigs, PeriodicNoteConfig } from "./periodic-config";
import { localDate, type PeriodRange } from "./periods";

/** Where a period's reflection lives. */
export interface ReflectionLocation {
  range: PeriodRange;
  config: PeriodicNoteConfig;
  /** The user's daily (weekly, monthly) note, as Daily notes / Periodic Notes would name it. */
  periodicPath: string;
  /** The note the reflection is written to: the periodic note itself, or its own note beside it. */
  path: string;
  inPeriodicNote: boolean;
}

/** "Reflection" suffix of a reflection's own note: `2026-11-24 reflection.md` beside `2026-11-24.md`. */
export const OWN_NOTE_SUFFIX = " reflection";

/**
 * The periodic note's path: the period's first day formatted with the user's pattern (a weekly note is
 * named from its Monday), in their folder, as Obsidian would create it.
 */
export function periodicNotePath(range: PeriodRange, config: PeriodicNoteConfig, format: DateFormatter): string {
  const name = format(localDate(range.start), config.format).trim();
  if (name === "") throw new Error(`The date format "${config.format}" gives an empty file name.`);
  return joinVaultPath(config.folder, `${name}.md`);
}

export function locateReflection(range: PeriodRange, configs: PeriodicConfigs, inPeriodicNote: boolean, format: DateFormatter): ReflectionLocation {
  const config = configs[range.period];
  const periodicPath = periodicNotePath(range, config, format);
  const path = inPeriodicNote ? periodicPath : periodicPath.replace(/\.md$/, `${OWN_NOTE_SUFFIX}.md`);
  return { range, config, periodicPath, path, inPeriodicNote };
}

/** The title the periodic note's template sees as {{title}}. */
export function periodicTitle(location: ReflectionLocation): string {
  return noteName(location.periodicPath);
}
