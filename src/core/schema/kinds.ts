/** The record kinds and enumerations of docs/data-model.md. */

export const RECORD_KINDS = ["entry", "problem", "meta-skill", "reflection", "pattern", "conversation"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const BUILT_IN_ENTRY_TYPES = ["question", "insight", "reflection", "attempt", "blocker", "solution", "reading", "emotion", "decision"] as const;
export type BuiltInEntryType = (typeof BUILT_IN_ENTRY_TYPES)[number];

export const ATTEMPT_OUTCOMES = ["success", "partial", "failed", "abandoned"] as const;
export const PROBLEM_STATUSES = ["active", "blocked", "solved", "abandoned"] as const;
export const PRIORITIES = ["low", "medium", "high", "urgent"] as const;
export const SKILL_SOURCES = ["discovered", "learned", "imported"] as const;
export const REFLECTION_PERIODS = ["daily", "weekly", "monthly", "problem", "adhoc"] as const;
export const PATTERN_TYPES = ["behavioral", "thinking", "emotional", "temporal", "problem-solving"] as const;
export const PATTERN_STATUSES = ["detected", "confirmed", "dismissed"] as const;
/** ts-fsrs card states, written lower-case in `fsrs_state`. */
export const FSRS_STATES = ["new", "learning", "review", "relearning"] as const;
export const CHAT_PLATFORMS = ["chatgpt", "claude", "claude-code", "gemini", "other"] as const;

/** Typed connections a record may hold to others (lists of links). */
export const CONNECTION_PROPERTIES = ["related", "caused_by", "solved_by", "similar_to", "opposite_of", "prerequisite_for"] as const;

export function isRecordKind(value: unknown): value is RecordKind {
  return typeof value === "string" && (RECORD_KINDS as readonly string[]).includes(value);
}
