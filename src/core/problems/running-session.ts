import { differenceInMinutes, parseISO } from "date-fns";
import { isoDateTime } from "../dates/timestamps";
import { InvalidInputError } from "../errors";
import { isRecordId } from "../ids";
import { isIsoDateTime } from "../schema/values";
import type { SessionInput } from "./add-session";

/**
 * A work session that has started and not stopped. The plugin keeps it in its saved data
 * (data.json) as soon as it starts, so quitting Obsidian does not lose it: on the next start
 * `parseRunningSession` reads it back and the user keeps (stops) or discards it.
 */
export interface RunningSession {
  /** The problem note's path when the session started. */
  problemPath: string;
  /** The problem's id, to find the note again if it was renamed meanwhile. */
  problemId?: string;
  /** ISO 8601 date and time with offset. */
  start: string;
}

/** What the stop form asks for. */
export type SessionDetails = Omit<SessionInput, "start" | "end">;

/** Starts a session; only one runs at a time, so a running one must be stopped or discarded first. */
export function startSession(current: RunningSession | null, problem: { path: string; id?: string }, now: Date): RunningSession {
  if (current) {
    throw new InvalidInputError(`A work session for "${current.problemPath}" is already running since ${current.start}; stop or discard it first.`);
  }
  const session: RunningSession = { problemPath: problem.path, start: isoDateTime(now) };
  if (isRecordId(problem.id)) session.problemId = problem.id;
  return session;
}

/** Minutes since the session started (for the status bar); never negative if the clock moved back. */
export function elapsedMinutes(session: RunningSession, now: Date): number {
  return Math.max(0, differenceInMinutes(now, parseISO(session.start)));
}

/**
 * The finished session to add with `addSession`. The caller clears its running session only after
 * the row is written, so a refused add (say, a hand-broken table) loses nothing.
 */
export function stopSession(session: RunningSession, end: Date, details: SessionDetails): SessionInput {
  return { ...details, start: session.start, end: isoDateTime(end) };
}

/**
 * Reads a running session back from saved plugin data. Anything that is not a complete, valid record
 * (an old or hand-edited data.json) reads as "no session running" rather than breaking start-up.
 */
export function parseRunningSession(raw: unknown): RunningSession | null {
  if (!raw || typeof raw !== "object") return null;
  const { problemPath, problemId, start } = raw as Record<string, unknown>;
  if (typeof problemPath !== "string" || problemPath.trim() === "") return null;
  if (typeof start !== "string" || !isIsoDateTime(start)) return null;
  const session: RunningSession = { problemPath, start };
  if (isRecordId(problemId)) session.problemId = problemId;
  return session;
}
