import { dayOf } from "../dates/days";
import { ownDate } from "../schema/record-date";
import type { LifeBetterSettings } from "../settings";
import { loadRecords } from "../vault/records";
import type { NoteRepository } from "../vault/repository";
import { inRange, type PeriodRange } from "./periods";

/**
 * The reflection already written for a period, wherever it is (moved to another folder, written
 * before the daily notes' folder or format changed, or into the daily note before that setting was
 * turned off): a reflection of the same period whose own date falls in the range. The first by path
 * when there are several; null when there is none.
 */
export async function findReflection(repo: NoteRepository, settings: LifeBetterSettings, range: PeriodRange): Promise<string | null> {
  const { records } = await loadRecords(repo, settings, ["reflection"]);
  const found = records.find((record) => {
    if (record.properties.period !== range.period) return false;
    const date = ownDate(record.properties);
    return date !== null && inRange(dayOf(date), range);
  });
  return found?.path ?? null;
}
