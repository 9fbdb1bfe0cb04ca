import type { Timers } from "./timers";

export interface IdleGateOptions {
  /** How long without activity before the held work goes on (read at each activity: a setting). */
  quietMs: () => number;
  timers: Timers;
  /** Called once when activity starts (the embedding pauses). */
  hold: () => void;
  /** Called once `quietMs` after the last activity (the embedding resumes). */
  release: () => void;
}

/**
 * "Only while idle": the first sign of activity (typing, a click) holds the work, and it goes on
 * once the user has been quiet for `quietMs`. Each activity restarts the wait; hold and release are
 * called once per quiet spell, not per keystroke.
 */
export class IdleGate {
  private timer: unknown = null;
  private held = false;

  constructor(private readonly options: IdleGateOptions) {}

  get holding(): boolean {
    return this.held;
  }

  activity(): void {
    if (!this.held) {
      this.held = true;
      this.options.hold();
    }
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer);
    this.timer = this.options.timers.setTimeout(() => {
      this.timer = null;
      this.held = false;
      this.options.release();
    }, this.options.quietMs());
  }

  /** Forgets a hold without releasing it (the user resumed by hand, or the index stopped). */
  cancel(): void {
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer);
    this.timer = null;
    this.held = false;
  }
}
