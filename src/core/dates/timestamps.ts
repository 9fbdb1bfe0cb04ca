import { format, formatISO } from "date-fns";

/** An ISO 8601 date-time with the local offset, as docs/data-model.md's datetime properties hold it. */
export function isoDateTime(date: Date): string {
  return formatISO(date);
}

/** A `YYYY-MM-DD` date in local time. */
export function isoDate(date: Date): string {
  return format(date, "yyyy-MM-dd");
}

/**
 * `created` and `updated` of a record the plugin writes for the first time: equal, so a new note says
 * when it was last written without falling back to the file's time (docs/data-model.md: created, updated).
 */
export function creationTimes(now: Date): { created: string; updated: string } {
  const at = isoDateTime(now);
  return { created: at, updated: at };
}
