import { differenceInMinutes, parseISO } from "date-fns";
import type { Root } from "mdast";
import { parseMarkdown } from "../codec/markdown-tree";
import { cellTexts, findSections, tableNodeUnder } from "../codec/sections";
import { BUILT_IN_ACTIVITY_TYPES, readActivity, readDistractions } from "./session-activity";
import { isIsoDateTime, isValidNumber, ruleText, SCALE_1_TO_10 } from "../schema/values";

/** The `## Sessions` table of a problem note, as docs/data-model.md defines it. */
export const SESSIONS_HEADING = "Sessions";
export const SESSION_COLUMNS = ["start", "end", "minutes", "focus", "energy", "activity", "distractions", "outcome"] as const;
export type SessionColumn = (typeof SESSION_COLUMNS)[number];

/** Columns a row cannot be understood without; the others may be left out of a hand-made table. */
const REQUIRED_COLUMNS: readonly SessionColumn[] = ["start", "end"];

/** One work session read from the table. `row` counts data rows from 1, as a user would. */
export interface SessionRow {
  row: number;
  start: string;
  end: string;
  startTime: Date;
  endTime: Date;
  minutes: number;
  focus?: number;
  energy?: number;
  /** The activity cell as written; `activityType` and `activityText` are its two parts. */
  activity: string;
  activityType?: string;
  activityText: string;
  /** The distractions cell as written; `distractionCount` and `distractionText` are its two parts. */
  distractions: string;
  distractionCount?: number;
  distractionText: string;
  outcome: string;
}

/** A row that cannot be read, and why. Row 0 is the header. */
export interface SessionRowProblem {
  row: number;
  message: string;
}

export interface SessionsTable {
  /** Whether the note has a table under `## Sessions` at all. */
  found: boolean;
  /** The header as written (column order may differ from SESSION_COLUMNS in a hand-made table). */
  header: string[];
  rows: SessionRow[];
  problems: SessionRowProblem[];
  /** How many `## Sessions` sections with a table the note has: more than one is ambiguous. */
  tables: number;
}

/** How many `## Sessions` sections of a body hold a table (only the first is ever read). */
function countTables(body: string, tree: Root): number {
  return findSections(body, SESSIONS_HEADING, tree).filter((section) => section.nodes.some((node) => node.type === "table")).length;
}

const WHOLE = /^\d+$/;

function scale(name: string, cell: string): number | undefined | string {
  if (cell === "") return undefined;
  const value = Number(cell);
  return WHOLE.test(cell) && isValidNumber(value, SCALE_1_TO_10) ? value : `${name} "${cell}" is not ${ruleText(SCALE_1_TO_10)}`;
}

function dateTime(name: string, cell: string): Date | string {
  if (cell === "") return `${name} is empty`;
  return isIsoDateTime(cell) ? parseISO(cell) : `${name} "${cell}" is not an ISO date and time like 2026-11-20T09:00:00+01:00`;
}

/** Reads one data row by column name; a string result says why the row cannot be read. */
function readRow(row: number, cell: (column: SessionColumn) => string, types: readonly string[]): SessionRow | string {
  const startTime = dateTime("start", cell("start"));
  if (typeof startTime === "string") return startTime;
  const endTime = dateTime("end", cell("end"));
  if (typeof endTime === "string") return endTime;
  const span = differenceInMinutes(endTime, startTime);
  if (endTime < startTime) return `end ${cell("end")} is before start ${cell("start")}`;
  const minutesCell = cell("minutes");
  let minutes = span;
  if (minutesCell !== "") {
    if (!WHOLE.test(minutesCell)) return `minutes "${minutesCell}" is not a whole number`;
    minutes = Number(minutesCell);
    // Fewer minutes than the span is fine (breaks); more cannot be true.
    if (minutes > span) return `minutes ${minutes} is more than the ${span} minutes between start and end`;
  }
  const focus = scale("focus", cell("focus"));
  if (typeof focus === "string") return focus;
  const energy = scale("energy", cell("energy"));
  if (typeof energy === "string") return energy;
  const activity = readActivity(cell("activity"), types);
  const distractions = readDistractions(cell("distractions"));
  return {
    row,
    start: cell("start"),
    end: cell("end"),
    startTime,
    endTime,
    minutes,
    focus,
    energy,
    activity: cell("activity"),
    activityType: activity.type,
    activityText: activity.text,
    distractions: cell("distractions"),
    distractionCount: distractions.count,
    distractionText: distractions.text,
    outcome: cell("outcome"),
  };
}

/**
 * Reads the sessions table row by row, yielding after each: `parseSessions` reads it at once, the
 * pattern engine with ticks between rows (a year of sessions is hundreds of rows).
 */
function* readSessions(body: string, tree: Root, activityTypes: readonly string[]): Generator<void, SessionsTable> {
  const table = tableNodeUnder(body, SESSIONS_HEADING, tree);
  if (!table) return { found: false, header: [], rows: [], problems: [], tables: 0 };
  const tables = countTables(body, tree);
  const [head, ...bodyRows] = table.children;
  const header = head ? cellTexts(head) : [];
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  const missing = REQUIRED_COLUMNS.filter((column) => !index.has(column));
  if (missing.length > 0) {
    const problems = [{ row: 0, message: `the table has no ${missing.join(" or ")} column, so no session in it can be read` }];
    return { found: true, header, rows: [], problems, tables };
  }
  const rows: SessionRow[] = [];
  const problems: SessionRowProblem[] = [];
  for (const [i, node] of bodyRows.entries()) {
    const cells = cellTexts(node);
    if (cells.every((text) => text === "")) continue;
    const cell = (column: SessionColumn): string => {
      const at = index.get(column);
      return at === undefined ? "" : (cells[at] ?? "").trim();
    };
    const result = readRow(i + 1, cell, activityTypes);
    if (typeof result === "string") problems.push({ row: i + 1, message: result });
    else rows.push(result);
    yield;
  }
  return { found: true, header, rows, problems, tables };
}

/**
 * Parses the sessions table of a note body. Rows that cannot be read are reported with their
 * number and the reason, never guessed at; rows with every cell empty are ignored. `tree`: the body
 * already parsed (the pattern engine reads sessions and milestones from one parse). `activityTypes`
 * are the activity types recognised before a colon in the activity cell (session-activity.ts).
 */
export function parseSessions(body: string, tree: Root = parseMarkdown(body), activityTypes: readonly string[] = BUILT_IN_ACTIVITY_TYPES): SessionsTable {
  const reading = readSessions(body, tree, activityTypes);
  for (;;) {
    const step = reading.next();
    if (step.done) return step.value;
  }
}

/** Rows read between two ticks: about 1 ms warm (0.05 ms a row measured), 15 ms the first time. */
const ROWS_PER_TICK = 20;

/** `parseSessions`, with `tick` awaited every ROWS_PER_TICK rows. */
export async function parseSessionsInSlices(body: string, tree: Root, activityTypes: readonly string[], tick: () => Promise<void>): Promise<SessionsTable> {
  const reading = readSessions(body, tree, activityTypes);
  for (let read = 1; ; read++) {
    const step = reading.next();
    if (step.done) return step.value;
    if (read % ROWS_PER_TICK === 0) await tick();
  }
}

/** The sum of the sessions' minutes: what `time_spent` must hold. */
export function totalMinutes(rows: readonly SessionRow[]): number {
  return rows.reduce((sum, row) => sum + row.minutes, 0);
}

/** The end of the latest session, or undefined when there is none: what `last_worked` must hold. */
export function lastWorked(rows: readonly SessionRow[]): SessionRow | undefined {
  return rows.reduce<SessionRow | undefined>((latest, row) => (!latest || row.endTime > latest.endTime ? row : latest), undefined);
}

/** "row 3: focus "11" is not …" lines for messages. */
export function describeRowProblems(problems: readonly SessionRowProblem[]): string {
  return problems.map((problem) => (problem.row === 0 ? problem.message : `row ${problem.row}: ${problem.message}`)).join("; ");
}
