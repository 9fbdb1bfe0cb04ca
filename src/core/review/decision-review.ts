import { isoDateTime } from "../dates/timestamps";
import { InvalidInputError } from "../errors";
import { requireNumber, SCALE_1_TO_10 } from "../schema/values";
import type { NoteRepository } from "../vault/repository";
import { dayOf } from "../dates/days";
import { isDecision } from "./decision-state";
import type { ReviewClock } from "./grade-skill";
import { withReviewDay } from "./schedule";

/** "How did it turn out?" */
export interface DecisionAnswer {
  actualOutcome: string;
  /** 1–10. */
  satisfaction: number;
  wouldDecideSame: boolean;
}

/** Refuses an answer the schema would reject, with a message that says what to change. */
export function checkDecisionAnswer(answer: DecisionAnswer): void {
  if (answer.actualOutcome.trim() === "") throw new InvalidInputError("Say how the decision turned out: the outcome is empty.");
  requireNumber("Satisfaction", answer.satisfaction, SCALE_1_TO_10);
}

/** Fills actual_outcome, satisfaction and would_decide_same on a decision entry (properties only). */
export async function reviewDecision(repo: NoteRepository, path: string, answer: DecisionAnswer, clock: ReviewClock = {}): Promise<void> {
  checkDecisionAnswer(answer);
  const now = clock.now ?? new Date();
  const today = clock.today ?? dayOf(now);
  await repo.updateProperties(path, (properties) => {
    if (!isDecision(properties)) {
      throw new InvalidInputError(`"${path}" is not a decision entry (kind entry, type decision), so it has no outcome to review.`);
    }
    properties.actual_outcome = answer.actualOutcome.trim();
    properties.satisfaction = answer.satisfaction;
    properties.would_decide_same = answer.wouldDecideSame;
    properties.reviewed_on = withReviewDay(properties.reviewed_on, today);
    properties.updated = isoDateTime(now);
  });
}
