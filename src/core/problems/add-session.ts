import { areIntervalsOverlapping, differenceInMinutes, parseISO } from "date-fns";
import { appendTableRow } from "../codec/sections";
import { isoDateTime } from "../dates/timestamps";
import { InvalidInputError } from "../errors";
import { isIsoDateTime, MAX_SESSION_MINUTES, MIN_SESSION_MINUTES, requireNumber, SCALE_1_TO_10 } from "../schema/values";
import type { NoteRepository } from "../vault/repository";
import { activityCellText, BUILT_IN_ACTIVITY_TYPES, distractionsCellText } from "./session-activity";
import {
  SESSION_COLUMNS,
  SESSIONS_HEADING,
  describeRowProblems,
  lastWorked,
  parseSessions,
  totalMinutes,
  type SessionColumn,
  type SessionRow,
} from "./sessions-table";

/** A finished work session, from the stop-session form or `lifebetter session add`. */
export interface SessionInput {
  /** ISO 8601 date and time; without an offset it is local time. */
  start: string;
  end: string;
  focus: number;
  energy: number;
  /** Free text of what was done; `activityType` (coding, reading, …) goes before it in the cell. */
  activity?: string;
  activityType?: string;
  /** The activity types that may be chosen (built-in and the user's own); the built-in ones if unset. */
  activityTypes?: readonly string[];
  /** Free text about what distracted; `distractionCount` goes before it in the cell. */
  distractions?: string;
  distractionCount?: number;
  outcome?: string;
  /** Accept a session longer than MAX_SESSION_MINUTES (the user confirmed it, e.g. `--force`). */
  allowLong?: boolean;
}

/** What was written: the row's cells by column, and the problem's new totals. */
export interface AddedSession {
  path: string;
  cells: Record<SessionColumn, string>;
  minutes: number;
  timeSpent: number;
  lastWorked: string;
}

function instant(name: string, value: string): Date {
  const text = value.trim();
  if (!isIsoDateTime(text)) {
    throw new InvalidInputError(`The session's ${name} "${value}" is not an ISO date and time like 2026-11-20T09:00:00+01:00.`);
  }
  return parseISO(text);
}

// A table cell holds one line; line breaks typed into a form become spaces.
const oneLine = (text: string | undefined): string => (text ?? "").replace(/\s*[\r\n]+\s*/g, " ").trim();

/**
 * Checks a new session against the ones already in the table and returns its cells. Refuses an end
 * not after the start, focus or energy outside 1–10, and any overlap with an existing session.
 */
export function sessionCells(input: SessionInput, existing: readonly SessionRow[]): { cells: Record<SessionColumn, string>; minutes: number } {
  const start = instant("start", input.start);
  const end = instant("end", input.end);
  if (end <= start) {
    throw new InvalidInputError(`The session ends (${input.end}) before or when it starts (${input.start}); the end must come after the start.`);
  }
  const minutes = differenceInMinutes(end, start);
  if (minutes < MIN_SESSION_MINUTES) {
    throw new InvalidInputError(
      `The session lasted less than a minute (${input.start} to ${input.end}); sessions are counted in whole minutes, so it was not added.`,
    );
  }
  if (minutes > MAX_SESSION_MINUTES && !input.allowLong) {
    throw new InvalidInputError(
      `The session lasted ${(minutes / 60).toFixed(1)} hours, more than ${MAX_SESSION_MINUTES / 60} hours; check the start and end (was a timer left running?); if it is right, confirm it (--force in the CLI).`,
    );
  }
  requireNumber("Focus", input.focus, SCALE_1_TO_10);
  requireNumber("Energy", input.energy, SCALE_1_TO_10);
  const clash = existing.find((row) => areIntervalsOverlapping({ start, end }, { start: row.startTime, end: row.endTime }));
  if (clash) {
    throw new InvalidInputError(
      `The session overlaps session ${clash.row} of this problem (${clash.start} to ${clash.end}); sessions of one problem cannot overlap.`,
    );
  }
  const cells: Record<SessionColumn, string> = {
    start: isoDateTime(start),
    end: isoDateTime(end),
    minutes: String(minutes),
    focus: String(input.focus),
    energy: String(input.energy),
    activity: activityCellText(input.activityType, oneLine(input.activity), input.activityTypes ?? BUILT_IN_ACTIVITY_TYPES),
    distractions: distractionsCellText(input.distractionCount, oneLine(input.distractions)),
    outcome: oneLine(input.outcome),
  };
  return { cells, minutes };
}

/** The row in the order of the table's own header (a hand-made table may order columns differently). */
function rowFor(header: readonly string[], cells: Record<SessionColumn, string>): string[] {
  const order = header.length > 0 ? header : SESSION_COLUMNS;
  return order.map((name) => cells[name.trim().toLowerCase() as SessionColumn] ?? "");
}

/**
 * The body with the session appended, or a refusal. Run inside the body edit, so the check and the
 * append see the same text even if the note changed since it was first read.
 */
function appendSession(path: string, body: string, input: SessionInput): { body: string; cells: Record<SessionColumn, string>; minutes: number } {
  const table = parseSessions(body);
  if (table.tables > 1) {
    throw new InvalidInputError(
      `"${path}" has ${table.tables} "## ${SESSIONS_HEADING}" tables, so it is unclear which one the session belongs in; merge them into one, then add the session again.`,
    );
  }
  if (table.problems.length > 0) {
    throw new InvalidInputError(
      `The Sessions table of "${path}" has rows that cannot be read (${describeRowProblems(table.problems)}). Fix them first, then add the session again.`,
    );
  }
  const { cells, minutes } = sessionCells(input, table.rows);
  const header = table.found ? table.header : [...SESSION_COLUMNS];
  const missingColumns = SESSION_COLUMNS.filter((column) => !header.some((name) => name.trim().toLowerCase() === column));
  if (missingColumns.length > 0) {
    throw new InvalidInputError(`The Sessions table of "${path}" has no ${missingColumns.join(", ")} column; add the column, then the session.`);
  }
  return { body: appendTableRow(body, SESSIONS_HEADING, [...SESSION_COLUMNS], rowFor(header, cells)), cells, minutes };
}

/**
 * Appends a session row to the problem note's `## Sessions` table (creating it if missing) and writes
 * `time_spent` (sum of the rows) and `last_worked` (end of the latest session), in one write. A table
 * with a row that cannot be read is refused: its sum would be a guess. Nothing is written when refused.
 */
export async function addSession(repo: NoteRepository, path: string, input: SessionInput, now: Date = new Date()): Promise<AddedSession> {
  let added: AddedSession | undefined;
  // Runs on the note as it is when written (again, if another writer got there first), so the overlap
  // check sees every row already in the table and the totals are those of the table as written.
  await repo.updateNote(path, (note) => {
    if (note.properties.kind !== "problem") throw new InvalidInputError(`"${path}" is not a problem note (its kind is not "problem").`);
    const { body, cells, minutes } = appendSession(path, note.body, input);
    const rows = parseSessions(body).rows;
    const latest = lastWorked(rows);
    added = { path, cells, minutes, timeSpent: totalMinutes(rows), lastWorked: latest ? isoDateTime(latest.endTime) : cells.end };
    note.body = body;
    note.properties.time_spent = added.timeSpent;
    note.properties.last_worked = added.lastWorked;
    note.properties.updated = isoDateTime(now);
  });
  if (!added) throw new Error(`"${path}" was not changed.`);
  return added;
}
