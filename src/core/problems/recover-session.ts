import { findProblemOfSession } from "./find-problem";
import { elapsedMinutes, parseRunningSession, type RunningSession } from "./running-session";
import type { VaultRecord, VaultRecords } from "../vault/records";

/** A session found running at start-up, for the "keep or discard?" question. */
export interface RecoveredSession {
  session: RunningSession;
  /** The problem note now (found by id if it was renamed); undefined if it is gone. */
  problem?: VaultRecord;
  elapsedMinutes: number;
}

/**
 * Reads the running session from the plugin's saved data at start-up. Keep = `stopSession` +
 * `addSession` on `problem.path` (the user may pick an earlier end); discard = save null.
 */
export function recoverSession(saved: unknown, vault: VaultRecords, now: Date): RecoveredSession | null {
  const session = parseRunningSession(saved);
  if (!session) return null;
  return { session, problem: findProblemOfSession(vault, session), elapsedMinutes: elapsedMinutes(session, now) };
}
