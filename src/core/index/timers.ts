/**
 * Timers, given to the index by whoever hosts it. The index runs in a Web Worker (`self`, no
 * `window`) and in Node (`node:timers`), so the core cannot pick one global itself.
 */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Lets other work (searches, vault events) run between slices of a long task. */
export function yieldToEventLoop(timers: Timers): Promise<void> {
  return new Promise((resolve) => void timers.setTimeout(resolve, 0));
}
