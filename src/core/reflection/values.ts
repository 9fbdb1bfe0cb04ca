import { isoDateTime } from "../dates/timestamps";
import { requireNumber, SCALE_1_TO_10, SLEEP_HOURS } from "../schema/values";
import type { NoteRepository } from "../vault/repository";

/** The daily form's values; null clears a property, undefined leaves it alone. */
export interface ReflectionValues {
  mood?: number | null;
  energy?: number | null;
  stress?: number | null;
  sleep_hours?: number | null;
  habits?: string[];
}

/** Writes the form's values as properties (the body is never touched), refusing values out of range. */
export async function setReflectionValues(repo: NoteRepository, path: string, values: ReflectionValues, now: Date): Promise<boolean> {
  requireNumber("Mood", values.mood, SCALE_1_TO_10);
  requireNumber("Energy", values.energy, SCALE_1_TO_10);
  requireNumber("Stress", values.stress, SCALE_1_TO_10);
  requireNumber("Sleep (hours)", values.sleep_hours, SLEEP_HOURS);
  return repo.updateProperties(path, (properties) => {
    let changed = false;
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) continue;
      const before = JSON.stringify(properties[key]);
      if (value === null) delete properties[key];
      else properties[key] = value;
      changed ||= JSON.stringify(properties[key]) !== before;
    }
    if (changed) properties.updated = isoDateTime(now);
  });
}
