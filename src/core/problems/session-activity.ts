import { InvalidInputError } from "../errors";
import { isValidTypeName } from "../schema/type-names";

/**
 * The typed activity and the distractions count of a work session, kept inside the Sessions table's
 * own `activity` and `distractions` cells so tables written before them still read unchanged:
 *
 * - activity: `coding: fixed the parser` (a known type, a colon, the free text), `coding` alone, or
 *   free text as before. A prefix that is no known type (`Note: …`) stays part of the text.
 * - distractions: `3: slack, email` (a whole number, a colon, the free text), `3` alone, or free
 *   text as before (no count).
 */
export const BUILT_IN_ACTIVITY_TYPES = ["coding", "reading", "writing", "meeting", "research", "planning"] as const;

/** Every activity type a session may have: the built-in ones, then the user's own from settings. */
export function activityTypes(settings: { customActivityTypes: readonly string[] }): string[] {
  const builtIn: readonly string[] = BUILT_IN_ACTIVITY_TYPES;
  return [...builtIn, ...settings.customActivityTypes.filter((type) => !builtIn.includes(type))];
}

/** Names for custom activity types follow the entry types' rule: lowercase letters, digits and -. */
export const isValidActivityType = isValidTypeName;

export interface ActivityCell {
  type?: string;
  text: string;
}

export interface DistractionsCell {
  count?: number;
  text: string;
}

const PREFIXED = /^([^:\s]+)\s*:\s*(.*)$/s;

/** Reads an activity cell; `types` are the names recognised as a type (case-insensitive). */
export function readActivity(cell: string, types: readonly string[] = BUILT_IN_ACTIVITY_TYPES): ActivityCell {
  const trimmed = cell.trim();
  const known = (word: string): string | undefined => types.find((type) => type.toLowerCase() === word.toLowerCase());
  const whole = known(trimmed);
  if (whole) return { type: whole, text: "" };
  const match = PREFIXED.exec(trimmed);
  const type = match?.[1] ? known(match[1]) : undefined;
  return type ? { type, text: (match?.[2] ?? "").trim() } : { text: trimmed };
}

const COUNTED = /^(\d+)\s*(?::\s*(.*))?$/s;

/** Reads a distractions cell: a leading whole number is the count. */
export function readDistractions(cell: string): DistractionsCell {
  const trimmed = cell.trim();
  const match = COUNTED.exec(trimmed);
  if (!match?.[1]) return { text: trimmed };
  return { count: Number(match[1]), text: (match[2] ?? "").trim() };
}

/** The activity cell for a type and free text; refuses a type that is not in `types`. */
export function activityCellText(type: string | undefined, text: string, types: readonly string[]): string {
  const chosen = type?.trim() ?? "";
  if (chosen === "") return text;
  const known = types.find((candidate) => candidate.toLowerCase() === chosen.toLowerCase());
  if (!known) throw new InvalidInputError(`Unknown activity type "${chosen}". Choose one of: ${types.join(", ")} (add your own in the settings).`);
  return text === "" ? known : `${known}: ${text}`;
}

/** The distractions cell for a count and free text; refuses a count that is not a whole number ≥ 0. */
export function distractionsCellText(count: number | undefined, text: string): string {
  if (count === undefined) return text;
  if (!Number.isInteger(count) || count < 0) throw new InvalidInputError(`Distractions must be a whole number of 0 or more, not ${count}.`);
  return text === "" ? String(count) : `${count}: ${text}`;
}

/** Custom activity types typed as a list ("pairing, reviews"): the valid names, and the ones refused. */
export function parseActivityTypesText(text: string): { types: string[]; invalid: string[] } {
  const names = text
    .split(/[,\n]/)
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== "");
  const types = [...new Set(names.filter((name) => isValidActivityType(name)))];
  return { types, invalid: names.filter((name) => !isValidActivityType(name)) };
}
