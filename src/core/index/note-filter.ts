import type { RecordKind } from "../schema/kinds";
import { parseDateValue } from "../schema/record-date";
import { linkName, type NoteRecord } from "./note-record";

/** Filters of "search by meaning" (all optional; dates in ms since the epoch or ISO strings). */
export interface NoteFilter {
  kind?: RecordKind;
  type?: string;
  tags?: string[];
  since?: number | string;
  until?: number | string;
  /** The problem entries must belong to: its name, path or `[[link]]`. */
  problem?: string;
  /** Leave out `private: true` records (the panels' default; see the "show private records" setting). */
  hidePrivate?: boolean;
}

function time(value: number | string | undefined): number | null {
  if (value === undefined) return null;
  // A plain day is local midnight, as records' own dates are read (recordDate).
  const ms = typeof value === "number" ? value : (parseDateValue(value)?.getTime() ?? Date.parse(value));
  return Number.isFinite(ms) ? ms : null;
}

/** A predicate for the filter, or null when nothing is filtered. */
export function compileFilter(filter: NoteFilter): ((record: NoteRecord) => boolean) | null {
  const since = time(filter.since);
  const until = time(filter.until);
  const tags = (filter.tags ?? []).map((tag) => tag.replace(/^#/, "").toLowerCase()).filter((t) => t !== "");
  const problem = filter.problem ? linkName(filter.problem.replace(/^\s*\[\[|\]\]\s*$/g, "").split(/[|#]/)[0] ?? "") : null;
  if (!filter.kind && !filter.type && tags.length === 0 && since === null && until === null && !problem && !filter.hidePrivate) return null;
  return (record) =>
    (!filter.hidePrivate || !record.private) &&
    (!filter.kind || record.kind === filter.kind) &&
    (!filter.type || record.type === filter.type) &&
    tags.every((tag) => record.tags.some((t) => t === tag || t.startsWith(tag + "/"))) &&
    (since === null || record.date >= since) &&
    (until === null || record.date <= until) &&
    (!problem || record.problem === problem);
}
