import type { Response } from "./worker-protocol";

/** Pending requests of one side of the worker channel, matched to their responses by id. */
export class PendingCalls {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  /** A fresh id and the promise its response will settle. */
  start<T>(): { id: number; done: Promise<T> } {
    const id = this.nextId++;
    const done = new Promise<T>((resolve, reject) => this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject }));
    return { id, done };
  }

  settle(response: Response): void {
    const waiter = this.waiting.get(response.id);
    if (!waiter) return;
    this.waiting.delete(response.id);
    if (response.ok) waiter.resolve(response.result);
    else waiter.reject(new Error(response.error));
  }

  /** Fails every waiting call (the worker died or was stopped). */
  failAll(reason: string): void {
    for (const waiter of this.waiting.values()) waiter.reject(new Error(reason));
    this.waiting.clear();
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
