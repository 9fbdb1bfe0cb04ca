import { isValid, parseISO } from "date-fns";
import { isRecordKind, type RecordKind } from "./kinds";

/**
 * Each kind's own date (docs/data-model.md), first to last choice: when the record happened or what it is
 * about. `created` says when the note was written (a November reflection written on 2 December, a
 * 2025 conversation imported today), so it is only the fallback.
 */
export const OWN_DATE_PROPERTIES: Record<RecordKind, readonly string[]> = {
  entry: ["timestamp"],
  problem: ["started"],
  "meta-skill": ["discovered"],
  reflection: ["period_start", "date"],
  pattern: ["first_detected"],
  conversation: ["started"],
};

/** A note that is not a record (or has no kind) is dated by whichever of these it has. */
const ANY_DATE_PROPERTIES = ["timestamp", "date", "period_start", "started"] as const;

/** A whole calendar day first: "2026-11" or "7" are not a record's date. */
const STARTS_WITH_DAY = /^\d{4}-\d{2}-\d{2}(?:$|[T ])/;

/**
 * A date or date-time property as a Date, or null. A plain day is local midnight, as the user's
 * calendar has it; a hand-typed "2026-11-24 10:00" (Dataview's habit) counts like the ISO form.
 */
export function parseDateValue(value: unknown): Date | null {
  if (value instanceof Date) return isValid(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (!STARTS_WITH_DAY.test(text)) return null;
  const date = parseISO(text);
  return isValid(date) ? date : null;
}

function firstDate(properties: Record<string, unknown>, names: readonly string[]): Date | null {
  for (const name of names) {
    const date = parseDateValue(properties[name]);
    if (date) return date;
  }
  return null;
}

/** The record's own date only (no `created`): what a reflection is for, when it is looked up by its day. */
export function ownDate(properties: Record<string, unknown>): Date | null {
  const kind = properties.kind;
  return firstDate(properties, isRecordKind(kind) ? OWN_DATE_PROPERTIES[kind] : ANY_DATE_PROPERTIES);
}

/** The date a record is about from its properties: its kind's own date, else `created`; null when it has neither. */
export function datedAt(properties: Record<string, unknown>): Date | null {
  return ownDate(properties) ?? firstDate(properties, ["created"]);
}

/**
 * The date a record is about: its kind's own date, else `created`, else the file's modification time.
 * The one rule every date filter uses (export, backups, search, the reflection's context, patterns).
 */
export function recordDate(properties: Record<string, unknown>, mtime: number): Date {
  return datedAt(properties) ?? new Date(mtime);
}
