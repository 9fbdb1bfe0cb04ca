import { isoDateTime } from "../dates";
import { InvalidInputError } from "../errors";
import type { NoteRepository } from "../vault/repository";

/** The daily form's values; null clears a property, undefined leaves it alone. */
export interface ReflectionValues {
  mood?: number | null;
  energy?: number | null;
  stress?: number | null;
  sleep_hours?: number | null;
  habits?: string[];
}

function checkScale(name: string, value: number | null | undefined): void {
  if (value === null || value === undefined) return;
  if (!Number.isInteger(value) || value < 1 || value > 10) throw new InvalidInputError(`${name} must be a whole number from 1 to 10, not ${String(value)}.`);
}

/** Writes the form's values as properties (the body is never touched), refusing values out of range. */
export async function setReflectionValues(repo: NoteRepository, path: string, values: ReflectionValues, now: Date): Promise<boolean> {
  checkScale("Mood", values.mood);
  checkScale("Energy", values.energy);
  checkScale("Stress", values.stress);
  const sleep = values.sleep_hours;
  if (sleep !== null && sleep !== undefined && !(Number.isFinite(sleep) && sleep >= 0 && sleep <= 24)) {
    throw new InvalidInputError(`Sleep must be between 0 and 24 hours, not ${String(sleep)}.`);
  }
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
