import { problemPathOf, problemPathsById } from "../problems/linked-entries";
import { parseSessions } from "../problems/sessions-table";
import { textProperty } from "../schema/property-readers";
import { dayOf, type Day } from "../dates/days";
import { buildReviewQueue } from "../review/queue";
import { reviewedDays } from "../review/skill-state";
import { datedAt } from "../schema/record-date";
import type { LifeBetterSettings } from "../settings";
import type { VaultRecord, VaultRecords } from "../vault/records";
import { inRange, type PeriodRange } from "./periods";

/** A note the context panel links to. */
export interface ContextNote {
  path: string;
  title: string;
}

export interface ProblemTime extends ContextNote {
  /** Minutes of the problem's sessions that started in the period. */
  minutes: number;
  sessions: number;
}

/** What happened in a period, from the records: shown beside the reflection, never written into it. */
export interface PeriodContext {
  entriesByType: { type: string; entries: ContextNote[] }[];
  problems: ProblemTime[];
  skillsReviewed: ContextNote[];
  /** Blockers without `resolved`, captured by the period's end. */
  openBlockers: (ContextNote & { problem?: string })[];
  /** Decisions whose review is due by the period's end and not yet answered. */
  decisionsDue: (ContextNote & { reviewOn: Day | null })[];
}

/** The local day a record is about (see datedAt: an entry's `timestamp`, else `created`). */
export function recordDay(properties: Record<string, unknown>): Day | null {
  const date = datedAt(properties);
  return date ? dayOf(date) : null;
}

const note = (record: VaultRecord): ContextNote => ({ path: record.path, title: record.name });

/** Time per problem from the `## Sessions` tables: rows that started in the range (local days). */
export function timePerProblem(records: readonly VaultRecord[], range: Pick<PeriodRange, "start" | "end">): ProblemTime[] {
  const times: ProblemTime[] = [];
  for (const record of records) {
    if (record.kind !== "problem") continue;
    const rows = parseSessions(record.body).rows.filter((row) => inRange(dayOf(row.startTime), range));
    if (rows.length === 0) continue;
    times.push({ ...note(record), minutes: rows.reduce((sum, row) => sum + row.minutes, 0), sessions: rows.length });
  }
  return times.sort((a, b) => b.minutes - a.minutes || a.title.localeCompare(b.title));
}

/**
 * The problems worked on in a range: those with a work session that started in it (timePerProblem,
 * most time first), then those an entry dated in it links (by path). Each once.
 */
export function problemsWorkedOn(vault: VaultRecords, range: Pick<PeriodRange, "start" | "end">): VaultRecord[] {
  const byPath = new Map(vault.records.filter((record) => record.kind === "problem").map((record) => [record.path, record]));
  const paths = timePerProblem(vault.records, range).map((time) => time.path);
  const byId = problemPathsById(vault);
  const linked = new Set<string>();
  for (const record of vault.records) {
    if (record.kind !== "entry") continue;
    const day = recordDay(record.properties);
    if (day === null || !inRange(day, range)) continue;
    const path = problemPathOf(record, vault, byId);
    if (path !== undefined && byPath.has(path) && !paths.includes(path)) linked.add(path);
  }
  paths.push(...[...linked].sort((a, b) => a.localeCompare(b)));
  return paths.flatMap((path) => byPath.get(path) ?? []);
}

export function periodContext(records: readonly VaultRecord[], settings: LifeBetterSettings, range: Pick<PeriodRange, "start" | "end">): PeriodContext {
  const byType = new Map<string, ContextNote[]>();
  const skillsReviewed: ContextNote[] = [];
  const openBlockers: PeriodContext["openBlockers"] = [];
  for (const record of records) {
    const p = record.properties;
    if (record.kind === "entry") {
      const day = recordDay(p);
      const type = textProperty(p, "type") ?? "entry";
      if (day !== null && inRange(day, range)) byType.set(type, [...(byType.get(type) ?? []), note(record)]);
      if (type === "blocker" && !textProperty(p, "resolved") && (day === null || day <= range.end)) {
        openBlockers.push({ ...note(record), problem: textProperty(p, "problem") });
      }
    } else if (record.kind === "meta-skill" && reviewedDays(p.reviewed_on).some((day) => inRange(day, range))) {
      skillsReviewed.push(note(record));
    }
  }
  const decisionsDue = buildReviewQueue(records, settings, range.end)
    .items.filter((item) => item.kind === "decision")
    .map((item) => ({ path: item.path, title: item.name, reviewOn: item.due }));
  return {
    entriesByType: [...byType]
      .map(([type, entries]) => ({ type, entries }))
      .sort((a, b) => b.entries.length - a.entries.length || a.type.localeCompare(b.type)),
    problems: timePerProblem(records, range),
    skillsReviewed,
    openBlockers,
    decisionsDue,
  };
}
