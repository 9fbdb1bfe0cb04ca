import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { IndexHost, type StartIndexWorker } from "../../../src/adapters/obsidian/index-host";
import type { IndexClient } from "../../../src/core/index/index-client";
import type { OpenReport } from "../../../src/core/index/memory-index";
import type { ProgressNotice } from "../../../src/core/index/worker-protocol";

/** A worker whose first index is computing meaning until `finish()`; it records pause and resume. */
function fakeWorker() {
  const calls: string[] = [];
  let progress: ((done: number, total: number, embedding?: ProgressNotice["embedding"]) => void) | null = null;
  let finish: (report: OpenReport) => void = () => undefined;
  const client = {
    open: () => new Promise<OpenReport>((resolve) => (finish = resolve)),
    pauseEmbedding: () => (calls.push("pause"), Promise.resolve(null)),
    resumeEmbedding: () => (calls.push("resume"), Promise.resolve(null)),
    status: () =>
      Promise.resolve({ notes: 3, chunks: 0, pendingEmbeddings: 0, embedded: 3, reused: 0, skipped: [], embeddings: { state: "ready", modelId: "test" } }),
    save: () => Promise.resolve(null),
  } as unknown as IndexClient;
  const start: StartIndexWorker = (_source, _storage, onProgress) => ((progress = onProgress), { client, stop: () => undefined });
  return {
    calls,
    start,
    embedding: (done: number, total: number, paused = false) => progress?.(done, total, { ratePerSecond: 2, secondsLeft: (total - done) / 2, paused }),
    finish: () => finish({ restored: false, restoreMs: 0, syncMs: 0 }),
  };
}

function setUp(idleSeconds: number | null) {
  const worker = fakeWorker();
  const statuses: string[] = [];
  const host = new IndexHost({
    startWorker: worker.start,
    source: { listFiles: () => Promise.resolve([]), readNote: () => Promise.resolve(null) },
    storage: { read: () => Promise.resolve(null), writeAtomic: () => Promise.resolve() },
    showStatus: (text) => statuses.push(text),
    idleQuietMs: () => (idleSeconds === null ? null : idleSeconds * 1000),
  });
  const opening = host.open({ model: "test", excludedFolders: [] });
  worker.embedding(10, 100);
  return { host, worker, statuses, opening };
}

describe("IndexHost, computing meaning only while idle", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("pauses when the user types and goes on after the set seconds of quiet", () => {
    const { host, worker, statuses } = setUp(10);
    host.userActive();
    expect(worker.calls).toEqual(["pause"]);
    expect(statuses.at(-1)).toBe("Meaning waits while you work · 10 / 100");
    expect(host.waitingForIdle).toBe(true);
    // Typing on: no more messages to the worker, the wait starts again.
    vi.advanceTimersByTime(6_000);
    host.userActive();
    vi.advanceTimersByTime(6_000);
    expect(worker.calls).toEqual(["pause"]);
    // The worker's own report while held says the same.
    worker.embedding(10, 100, true);
    expect(statuses.at(-1)).toBe("Meaning waits while you work · 10 / 100");
    vi.advanceTimersByTime(4_000);
    expect(worker.calls).toEqual(["pause", "resume"]);
    expect(host.waitingForIdle).toBe(false);
  });

  it("does nothing when the setting is off, or once the first index is done", async () => {
    const off = setUp(null);
    off.host.userActive();
    vi.advanceTimersByTime(60_000);
    expect(off.worker.calls).toEqual([]);

    const done = setUp(5);
    done.worker.finish();
    await vi.waitFor(() => expect(done.host.embedding).toBe(false));
    done.host.userActive();
    expect(done.worker.calls).toEqual([]);
  });

  it("never resumes a pause the user made by hand", async () => {
    const { host, worker } = setUp(5);
    host.userActive();
    await host.pause();
    vi.advanceTimersByTime(60_000);
    expect(worker.calls).toEqual(["pause", "pause"]);
    // Typing while paused by hand changes nothing either.
    host.userActive();
    vi.advanceTimersByTime(60_000);
    expect(worker.calls).toEqual(["pause", "pause"]);
    await host.resume();
    expect(worker.calls).toEqual(["pause", "pause", "resume"]);
  });
});
