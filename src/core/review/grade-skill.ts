import { isoDateTime } from "../dates/timestamps";
import { InvalidInputError } from "../errors";
import type { ReviewScheduler } from "../settings";
import type { NoteRepository } from "../vault/repository";
import { dayOf, type Day } from "../dates/days";
import type { ReviewGrade } from "./grades";
import { scheduleGrade, writeOutcome, type GradeOutcome } from "./schedule";

export interface ReviewClock {
  /** The user's local day the review counts for (defaults to the day of `now`). */
  today?: Day;
  now?: Date;
}

/**
 * Grades a meta-skill: computes the next schedule from the note's current properties and writes it
 * with updateProperties, so only those properties change and the body is untouched. Refuses a note
 * that is not a meta-skill (nothing is written).
 */
export async function gradeSkill(
  repo: NoteRepository,
  path: string,
  grade: ReviewGrade,
  scheduler: ReviewScheduler,
  clock: ReviewClock = {},
): Promise<GradeOutcome> {
  const now = clock.now ?? new Date();
  const today = clock.today ?? dayOf(now);
  let outcome: GradeOutcome | undefined;
  await repo.updateProperties(path, (properties) => {
    if (properties.kind !== "meta-skill") {
      throw new InvalidInputError(`"${path}" is not a meta-skill (its kind is ${JSON.stringify(properties.kind ?? null)}), so it cannot be graded.`);
    }
    outcome = scheduleGrade(properties, grade, today, scheduler);
    writeOutcome(properties, outcome, today, isoDateTime(now));
  });
  if (!outcome) throw new Error(`"${path}" was not graded.`);
  return outcome;
}
