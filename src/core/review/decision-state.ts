import { asDay, type Day } from "../dates/days";

/** A decision entry's review, read tolerantly from its properties. */
export interface DecisionState {
  /** `review_on`; null when missing or unreadable (see warnings). */
  reviewOn: Day | null;
  /** True when `review_on` holds something that is not a date: such a decision is shown as due. */
  badReviewOn: boolean;
  /** `actual_outcome` is filled: the decision was reviewed. */
  answered: boolean;
  expectedOutcome: string | null;
  warnings: string[];
}

export function isDecision(properties: Record<string, unknown>): boolean {
  return properties.kind === "entry" && properties.type === "decision";
}

export function readDecisionState(properties: Record<string, unknown>): DecisionState {
  const raw = properties.review_on;
  const reviewOn = asDay(raw);
  const badReviewOn = raw !== undefined && raw !== null && raw !== "" && reviewOn === null;
  const outcome = properties.actual_outcome;
  // Any non-empty value counts as answered (a number or checkbox typed by hand too).
  const answered = typeof outcome === "string" ? outcome.trim() !== "" : outcome !== undefined && outcome !== null;
  const expected = properties.expected_outcome;
  return {
    reviewOn,
    badReviewOn,
    answered,
    expectedOutcome: typeof expected === "string" && expected.trim() !== "" ? expected : null,
    warnings: badReviewOn ? [`review_on ${JSON.stringify(raw)} is not a date (YYYY-MM-DD); shown as due today`] : [],
  };
}
