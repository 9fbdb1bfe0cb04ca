/** The four answers of a review, as the keys 1–4 and the buttons show them. */
export const REVIEW_GRADES = ["again", "hard", "good", "easy"] as const;
export type ReviewGrade = (typeof REVIEW_GRADES)[number];

/** A grade from user input: its name (any case) or its key 1–4; null when it is neither. */
export function parseGrade(input: string): ReviewGrade | null {
  const text = input.trim().toLowerCase();
  if (/^[1-4]$/.test(text)) return REVIEW_GRADES[Number(text) - 1] ?? null;
  return REVIEW_GRADES.find((grade) => grade === text) ?? null;
}
