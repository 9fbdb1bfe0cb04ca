import { Notice } from "obsidian";
import { activityTypes } from "../../core/problems/session-activity";
import { differenceInSeconds, format, parseISO } from "date-fns";
import { addSession, type AddedSession } from "../../core/problems/add-session";
import { findProblemOfSession } from "../../core/problems/find-problem";
import { recoverSession, type RecoveredSession } from "../../core/problems/recover-session";
import { startSession, stopSession, type RunningSession, type SessionDetails } from "../../core/problems/running-session";
import { InvalidInputError, errorMessage } from "../../core/errors";
import { loadRecords } from "../../core/vault/records";
import { noteName } from "../../core/vault/paths";
import { elapsedText, minutesText } from "./durations";
import type { ProblemsContext } from "./problems-context";

/**
 * The one running work session: started, shown in the status bar, stopped into the problem's
 * `## Sessions` table, or discarded. It lives in the saved settings (data.json) from the moment it
 * starts, so quitting Obsidian does not lose it; `recover` asks about it on the next start.
 */
export class WorkSessions {
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly host: ProblemsContext,
    /** The status bar item; null where there is none (tests of views, mobile). */
    private readonly statusEl: HTMLElement | null = null,
  ) {
    statusEl?.addClass("lifebetter-session-status");
    this.tick();
  }

  get running(): RunningSession | null {
    return this.host.settings().runningSession;
  }

  /** The activity types the stop form offers: the built-in ones, then the user's own. */
  activityTypes(): string[] {
    return activityTypes(this.host.settings());
  }

  /** Calls `listener` whenever a session starts, stops or moves; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts a session on the problem; refuses with a notice while another one runs. */
  async start(problem: { path: string; id?: string }, now: Date = new Date()): Promise<boolean> {
    if (this.refuseWhileRunning(now)) return false;
    await this.save(startSession(this.running, problem, now));
    new Notice(`Work session started on "${noteName(problem.path)}".`);
    return true;
  }

  /** Tells the user a session already runs (only one at a time); resolves to whether one does. */
  refuseWhileRunning(now: Date = new Date()): boolean {
    const current = this.running;
    if (!current) return false;
    const elapsed = elapsedText(differenceInSeconds(now, parseISO(current.start)));
    new Notice(`A work session on "${noteName(current.problemPath)}" is already running (${elapsed}). Stop it first: only one session runs at a time.`);
    return true;
  }

  /**
   * Writes the session's row and the problem's totals (core addSession), then forgets the running
   * session. A refused row (a hand-broken table, an end before the start) throws and keeps it running.
   */
  async finish(details: SessionDetails, end: Date): Promise<AddedSession> {
    const session = this.running;
    if (!session) throw new InvalidInputError("No work session is running.");
    const path = await this.problemPathOf(session);
    const added = await addSession(this.host.repo, path, { ...stopSession(session, end, details), activityTypes: this.activityTypes() });
    await this.save(null);
    new Notice(`Logged ${minutesText(added.minutes)} on "${noteName(path)}" (${minutesText(added.timeSpent)} in all).`);
    return added;
  }

  /** Forgets the running session without writing a row. */
  async discard(): Promise<void> {
    if (!this.running) return;
    await this.save(null);
    new Notice("Work session discarded.");
  }

  /** Follows a renamed problem note, so stopping writes to it. */
  async renamed(oldPath: string, newPath: string): Promise<void> {
    const session = this.running;
    if (session?.problemPath === oldPath) await this.save({ ...session, problemPath: newPath });
  }

  /** The session found running at start-up, with its problem (followed by id if renamed); null if none. */
  async recover(now: Date = new Date()): Promise<RecoveredSession | null> {
    if (!this.running) return null;
    const vault = await loadRecords(this.host.repo, this.host.settings(), ["problem"]);
    const recovered = recoverSession(this.running, vault, now);
    if (recovered?.problem && recovered.problem.path !== recovered.session.problemPath) {
      await this.renamed(recovered.session.problemPath, recovered.problem.path);
      recovered.session = { ...recovered.session, problemPath: recovered.problem.path };
    }
    return recovered;
  }

  /** Redraws the status bar: problem and elapsed time while a session runs, hidden otherwise. */
  tick(now: Date = new Date()): void {
    const el = this.statusEl;
    if (!el) return;
    const session = this.running;
    el.toggleClass("lifebetter-hidden", session === null);
    if (!session) {
      el.empty();
      return;
    }
    const started = parseISO(session.start);
    el.setText(`${noteName(session.problemPath)} · ${elapsedText(differenceInSeconds(now, started))}`);
    el.setAttribute("aria-label", `Work session since ${format(started, "HH:mm")}: click to stop`);
  }

  private async problemPathOf(session: RunningSession): Promise<string> {
    if (await this.host.repo.exists(session.problemPath)) return session.problemPath;
    const vault = await loadRecords(this.host.repo, this.host.settings(), ["problem"]);
    const problem = findProblemOfSession(vault, session);
    if (!problem) {
      throw new InvalidInputError(`The problem note "${session.problemPath}" of this session is gone; discard the session or restore the note.`);
    }
    return problem.path;
  }

  private async save(session: RunningSession | null): Promise<void> {
    this.host.settings().runningSession = session;
    try {
      await this.host.saveSettings();
    } catch (error) {
      new Notice(`LifeBetter could not save the work session: ${errorMessage(error)}`);
    }
    this.tick();
    for (const listener of this.listeners) listener();
  }
}
