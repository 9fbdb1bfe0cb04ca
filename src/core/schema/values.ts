import { isValid, parse, parseISO } from "date-fns";
import { validate as isUuid } from "uuid";
import type { PropertySpec } from "./property-spec";
import { parseWikilink } from "../codec/wikilinks";
import { InvalidInputError } from "../errors";

/*
 * The value rules of docs/data-model.md, each written once. `check`, every writer (capture, problem, session,
 * reflect, review, import) and the views read them from here, so a value one accepts the others accept.
 */

/** Mood, energy, stress, focus, satisfaction: a whole number from 1 to 10. */
export const SCALE_1_TO_10: PropertySpec = { type: "number", min: 1, max: 10, integer: true };
/** How helpful a pattern was: a whole number from 1 to 5. */
export const RATING_1_TO_5: PropertySpec = { type: "number", min: 1, max: 5, integer: true };
/** Hours slept in a night. */
export const SLEEP_HOURS: PropertySpec = { type: "number", min: 0, max: 24 };
export const MINUTES: PropertySpec = { type: "number", min: 0 };
export const COUNT: PropertySpec = { type: "number", min: 0, integer: true };

/**
 * A work session: whole minutes, at least one (a shorter one would be a 0-minute row) and at most a
 * day unless the user confirms (a 10-day session is almost always a forgotten timer or a typo).
 */
export const MIN_SESSION_MINUTES = 1;
export const MAX_SESSION_MINUTES = 24 * 60;

/**
 * Ten years: the longest review interval. A skill not recalled for ten years is as good as new, and a
 * hand-edited `interval_days: 1e9` must not push a review past any real calendar.
 */
export const MAX_INTERVAL_DAYS = 3650;
export const SM2_MIN_EASE = 1.3;
/** SM-2 has no ceiling; past 5 every interval would jump fivefold, so the ease stops growing here. */
export const SM2_MAX_EASE = 5;
/** One review a day for a hundred years: a larger count was typed by hand. */
export const MAX_REVIEW_COUNT = 36_500;

export const INTERVAL_DAYS: PropertySpec = { type: "number", min: 0, max: MAX_INTERVAL_DAYS };
export const EASE: PropertySpec = { type: "number", min: SM2_MIN_EASE, max: SM2_MAX_EASE };
export const REVIEW_COUNT: PropertySpec = { type: "number", min: 0, max: MAX_REVIEW_COUNT, integer: true };
/** FSRS stability is in days, so it is bounded like an interval. */
export const FSRS_STABILITY: PropertySpec = { type: "number", min: 0, max: MAX_INTERVAL_DAYS };
export const FSRS_DIFFICULTY: PropertySpec = { type: "number", min: 1, max: 10 };
/** Obsidian's Properties read `tags: a, b, c` as three tags, so a repair splits on commas too. */
export const TAGS: PropertySpec = { type: "list", commaSeparated: true };

/** What is wrong with one property value, and the property-only repair if one is safe. */
export interface ValueProblem {
  message: string;
  /** A corrected value that keeps the user's data (e.g. a lone string wrapped in a list). */
  repaired?: unknown;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  return DATE_ONLY.test(value) && isValid(parse(value, "yyyy-MM-dd", new Date(2000, 0, 1)));
}

export function isIsoDateTime(value: string): boolean {
  return value.includes("T") && isValid(parseISO(value));
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "nothing";
  if (typeof value === "object") return "nested properties";
  if (typeof value === "string") return `text "${value.length > 40 ? value.slice(0, 40) + "…" : value}"`;
  return `${typeof value === "boolean" ? "checkbox" : typeof value} ${JSON.stringify(value)}`;
}

function isLink(value: unknown): boolean {
  return typeof value === "string" && parseWikilink(value) !== null;
}

/** Checks one property value against its spec; null and undefined count as "not set". */
export function checkValue(name: string, value: unknown, spec: PropertySpec): ValueProblem | null {
  if (value === null || value === undefined) return null;
  switch (spec.type) {
    case "uuid":
      return typeof value === "string" && isUuid(value) ? null : { message: `${name} must be a UUID, found ${describe(value)}` };
    case "text":
      if (typeof value !== "string") {
        if (typeof value === "number" || typeof value === "boolean") {
          return spec.oneOf ? { message: `${name} must be one of ${spec.oneOf.join(", ")}, found ${describe(value)}` } : null;
        }
        return { message: `${name} must be text, found ${describe(value)}` };
      }
      if (spec.oneOf && !spec.oneOf.includes(value)) {
        return { message: `${name} must be one of ${spec.oneOf.join(", ")}, found "${value}"` };
      }
      return null;
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) {
        const asNumber = typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
        const repaired = Number.isFinite(asNumber) && withinRange(asNumber, spec) ? asNumber : undefined;
        return { message: `${name} must be ${ruleText(spec)}, found ${describe(value)}`, repaired };
      }
      return withinRange(value, spec) ? null : { message: `${name} must be ${ruleText(spec)}, found ${value}` };
    }
    case "checkbox":
      return typeof value === "boolean" ? null : { message: `${name} must be a checkbox (true or false), found ${describe(value)}` };
    case "date":
      return typeof value === "string" && isIsoDate(value) ? null : { message: `${name} must be a date (YYYY-MM-DD), found ${describe(value)}` };
    case "datetime":
      return typeof value === "string" && (isIsoDateTime(value) || isIsoDate(value))
        ? null
        : { message: `${name} must be a date and time (ISO 8601), found ${describe(value)}` };
    case "date-or-datetime":
      return typeof value === "string" && (isIsoDate(value) || isIsoDateTime(value))
        ? null
        : { message: `${name} must be a date or date and time, found ${describe(value)}` };
    case "list":
      if (Array.isArray(value)) {
        return value.every((item) => typeof item === "string" || typeof item === "number" || typeof item === "boolean")
          ? null
          : { message: `${name} must be a list of plain values, found nested values` };
      }
      if (typeof value === "string" && spec.commaSeparated) {
        const items = value
          .split(",")
          .map((item) => item.trim().replace(/^#/, ""))
          .filter((item) => item !== "");
        return { message: `${name} must be a list, found ${describe(value)}`, repaired: items.length > 0 ? items : undefined };
      }
      if (typeof value === "string" || typeof value === "number") {
        return { message: `${name} must be a list, found ${describe(value)}`, repaired: [value] };
      }
      return { message: `${name} must be a list, found ${describe(value)}` };
    case "link":
      if (isLink(value)) return null;
      if (typeof value === "string" && value.trim() !== "" && !value.includes("[[")) {
        return { message: `${name} must be a link like "[[${value}]]", found ${describe(value)}`, repaired: `[[${value.trim()}]]` };
      }
      return { message: `${name} must be a link like "[[Note]]", found ${describe(value)}` };
    case "links": {
      const items: unknown[] = Array.isArray(value) ? value : [value];
      if (Array.isArray(value) && items.every(isLink)) return null;
      const fixable = items.every((item) => typeof item === "string" && item.trim() !== "");
      const repaired = fixable ? items.map((item) => (isLink(item) ? item : `[[${String(item).trim()}]]`)) : undefined;
      return { message: `${name} must be a list of links like ["[[Note]]"], found ${describe(value)}`, repaired };
    }
  }
}

function withinRange(value: number, spec: PropertySpec): boolean {
  if (spec.integer && !Number.isInteger(value)) return false;
  if (spec.min !== undefined && value < spec.min) return false;
  if (spec.max !== undefined && value > spec.max) return false;
  return true;
}

/** What a number rule asks for, in words: "a whole number from 1 to 10", "a number of at least 0". */
export function ruleText(spec: PropertySpec): string {
  const what = spec.integer ? "a whole number" : "a number";
  if (spec.min !== undefined && spec.max !== undefined) return `${what} from ${spec.min} to ${spec.max}`;
  if (spec.min !== undefined) return `${what} of at least ${spec.min}`;
  if (spec.max !== undefined) return `${what} of at most ${spec.max}`;
  return what;
}

/** True when a number keeps its rule (whole, within range). */
export function isValidNumber(value: unknown, spec: PropertySpec): value is number {
  return typeof value === "number" && Number.isFinite(value) && withinRange(value, spec);
}

/**
 * A number typed as text (a command-line option): undefined when not given, refused with its rule when
 * it is not a number at all (`--mood must be a whole number from 1 to 10, not "high".`). Whether it
 * keeps the rule is checked by requireNumber where the value is used.
 */
export function typedNumber(label: string, raw: string, spec: PropertySpec): number;
export function typedNumber(label: string, raw: string | undefined, spec: PropertySpec): number | undefined;
export function typedNumber(label: string, raw: string | undefined, spec: PropertySpec): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value)) throw new InvalidInputError(`${label} must be ${ruleText(spec)}, not "${raw}".`);
  return value;
}

/**
 * Refuses a value a user typed that breaks its rule, with the rule in the message:
 * "Mood must be a whole number from 1 to 10, not 6.5."
 */
export function requireNumber(label: string, value: number | null | undefined, spec: PropertySpec): void {
  if (value === null || value === undefined) return;
  if (!isValidNumber(value, spec)) throw new InvalidInputError(`${label} must be ${ruleText(spec)}, not ${String(value)}.`);
}
