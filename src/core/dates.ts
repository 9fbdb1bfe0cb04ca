import { format, formatISO } from "date-fns";

/** An ISO 8601 date-time with the local offset, as SCHEMA.md's datetime properties hold it. */
export function isoDateTime(date: Date): string {
  return formatISO(date);
}

/** A `YYYY-MM-DD` date in local time. */
export function isoDate(date: Date): string {
  return format(date, "yyyy-MM-dd");
}
