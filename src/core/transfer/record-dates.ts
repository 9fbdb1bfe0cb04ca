import { isValid, parseISO } from "date-fns";
import type { VaultRecord } from "../vault/records";

/** The date a record is about, for "export by date range": when it happened, else was created, else the file's time. */
const DATE_PROPERTIES = ["timestamp", "created", "date", "started", "first_detected"] as const;

export function parseDateValue(value: unknown): Date | null {
  if (typeof value !== "string" || value.trim() === "") return null;
  const date = parseISO(value.trim());
  return isValid(date) ? date : null;
}

export function recordDate(record: Pick<VaultRecord, "properties" | "mtime">): Date {
  for (const name of DATE_PROPERTIES) {
    const date = parseDateValue(record.properties[name]);
    if (date) return date;
  }
  return new Date(record.mtime);
}

