import {
  ATTEMPT_OUTCOMES,
  CHAT_PLATFORMS,
  CONNECTION_PROPERTIES,
  FSRS_STATES,
  PATTERN_STATUSES,
  PATTERN_TYPES,
  PRIORITIES,
  PROBLEM_STATUSES,
  RECORD_KINDS,
  REFLECTION_PERIODS,
  SKILL_SOURCES,
  type RecordKind,
} from "./kinds";
import { COUNT, EASE, FSRS_DIFFICULTY, FSRS_STABILITY, INTERVAL_DAYS, MINUTES, REVIEW_COUNT, SCALE_1_TO_10, SLEEP_HOURS, TAGS } from "./values";

export type { PropertySpec, PropertyType } from "./property-spec";
import type { PropertySpec } from "./property-spec";

const text: PropertySpec = { type: "text" };
const list: PropertySpec = { type: "list" };
const link: PropertySpec = { type: "link" };
const links: PropertySpec = { type: "links" };
const date: PropertySpec = { type: "date" };
const datetime: PropertySpec = { type: "datetime" };
const dateOrTime: PropertySpec = { type: "date-or-datetime" };
const checkbox: PropertySpec = { type: "checkbox" };
const scale10 = SCALE_1_TO_10;
const minutes = MINUTES;
const count = COUNT;
const oneOf = (values: readonly string[]): PropertySpec => ({ type: "text", oneOf: values });

const connections: Record<string, PropertySpec> = Object.fromEntries(CONNECTION_PROPERTIES.map((name) => [name, links]));

export const COMMON_PROPERTIES: Record<string, PropertySpec> = {
  id: { type: "uuid" },
  kind: oneOf(RECORD_KINDS),
  created: datetime,
  updated: datetime,
  tags: TAGS,
  private: checkbox,
  ...connections,
};

/** `type` of an entry is checked separately: custom types come from settings. */
export const KIND_PROPERTIES: Record<RecordKind, Record<string, PropertySpec>> = {
  entry: {
    timestamp: datetime,
    source: text,
    context: text,
    location: text,
    problem: link,
    parent: link,
    meta_skills: links,
    conversation: link,
    mood: scale10,
    energy: scale10,
    stress: scale10,
    feelings: list,
    outcome: oneOf(ATTEMPT_OUTCOMES),
    time_spent: minutes,
    approach: text,
    resolved: datetime,
    resolution: text,
    how_resolved: text,
    expected_outcome: text,
    review_on: date,
    actual_outcome: text,
    satisfaction: scale10,
    would_decide_same: checkbox,
    reviewed_on: list,
  },
  problem: {
    status: oneOf(PROBLEM_STATUSES),
    priority: oneOf(PRIORITIES),
    started: dateOrTime,
    target: dateOrTime,
    completed: dateOrTime,
    last_worked: dateOrTime,
    estimate: minutes,
    time_spent: minutes,
    meta_skills: links,
    what_learned: list,
    what_worked: list,
    what_didnt_work: list,
    context: text,
    category: text,
    github: text,
    url: text,
  },
  "meta-skill": {
    source: oneOf(SKILL_SOURCES),
    discovered: date,
    last_used: date,
    uses_total: count,
    uses_success: count,
    uses_failed: count,
    hours_to_solution: { type: "number", min: 0 },
    review_due: date,
    review_count: REVIEW_COUNT,
    ease: EASE,
    interval_days: INTERVAL_DAYS,
    /** The days it was reviewed, oldest first: "done today" and the streak are derived from them. */
    reviewed_on: list,
    fsrs_stability: FSRS_STABILITY,
    fsrs_difficulty: FSRS_DIFFICULTY,
    fsrs_state: oneOf(FSRS_STATES),
    fsrs_lapses: count,
    category: text,
  },
  reflection: {
    period: oneOf(REFLECTION_PERIODS),
    date,
    period_start: date,
    period_end: date,
    mood: scale10,
    energy: scale10,
    stress: scale10,
    sleep_hours: SLEEP_HOURS,
    habits: list,
    what_worked: list,
    what_didnt_work: list,
    what_learned: list,
    patterns_noticed: list,
    action_items: list,
    goals_for_next: list,
    wins: list,
    gratitude: list,
    meta_skills_discovered: links,
    problems: links,
  },
  pattern: {
    pattern_type: oneOf(PATTERN_TYPES),
    status: oneOf(PATTERN_STATUSES),
    confidence: { type: "number", min: 0, max: 1 },
    positive: checkbox,
    first_detected: datetime,
    last_seen: datetime,
    occurrences: count,
    evidence: links,
    suggestion: text,
    feedback: text,
    helpful: { type: "number", min: 1, max: 5, integer: true },
  },
  conversation: {
    platform: oneOf(CHAT_PLATFORMS),
    started: datetime,
    ended: datetime,
    messages: count,
    summary: text,
    problem: link,
    insights: links,
  },
};

/** Properties whose values are wikilinks, for link checks and rename-safe lookups. */
export function isLinkProperty(spec: PropertySpec | undefined): boolean {
  return spec?.type === "link" || spec?.type === "links";
}

export function propertySpec(kind: RecordKind, name: string): PropertySpec | undefined {
  return KIND_PROPERTIES[kind][name] ?? COMMON_PROPERTIES[name];
}
