import type { ExtractedNote } from "./note-record";
import { noteTokenizer } from "./tokenizer";
import { extractJobsWithTokens, type BatchExtractOptions, type ExtractJob, type NoteExtractor } from "./note-extractor";
import { errorText, PendingCalls } from "./rpc";
import type { MessageEndpoint } from "./worker-protocol";

/** The first message an extraction worker gets: it says which role the (shared) worker script takes. */
export interface ExtractWorkerInit {
  type: "extract-init";
}

export type ToExtractWorker = ExtractWorkerInit | { type: "extract"; id: number; jobs: readonly ExtractJob[]; options: BatchExtractOptions };

export type FromExtractWorker =
  { type: "response"; id: number; ok: true; result: ExtractedNote[] } | { type: "response"; id: number; ok: false; error: string };

/**
 * An extractor in another worker, reached by messages (the plugin's Web Workers and Node's
 * worker_threads alike). ExtractedNote is plain data, so it crosses as a structured clone.
 */
export class RemoteExtractor implements NoteExtractor {
  readonly workers = 1;
  private readonly pending = new PendingCalls();
  /** Why the worker can no longer answer (it died before or after a call was sent). */
  private failed: string | null = null;

  constructor(
    private readonly endpoint: MessageEndpoint<FromExtractWorker, ToExtractWorker>,
    private readonly stop: () => void,
  ) {
    endpoint.listen((message) => this.pending.settle(message));
    endpoint.post({ type: "extract-init" });
  }

  extract(jobs: readonly ExtractJob[], options: BatchExtractOptions): Promise<ExtractedNote[]> {
    if (this.failed) return Promise.reject(new Error(this.failed));
    const { id, done } = this.pending.start<ExtractedNote[]>();
    try {
      this.endpoint.post({ type: "extract", id, jobs, options });
    } catch (error) {
      // A note whose properties cannot be copied to the worker: the pool extracts the piece inline.
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return done;
  }

  /** Fails what is waiting (the worker died). */
  fail(reason: string): void {
    this.failed ??= reason;
    this.pending.failAll(reason);
  }

  dispose(): Promise<void> {
    this.fail("the extraction worker was stopped");
    this.stop();
    return Promise.resolve();
  }
}

/** The extraction worker's side: answers each batch with extractNote's results and their tokens, in order. */
export function serveExtractor(endpoint: MessageEndpoint<ToExtractWorker, FromExtractWorker>): void {
  const tokenizer = noteTokenizer();
  endpoint.listen((message) => {
    if (message.type !== "extract") return;
    try {
      endpoint.post({ type: "response", id: message.id, ok: true, result: extractJobsWithTokens(message.jobs, message.options, tokenizer) });
    } catch (error) {
      endpoint.post({ type: "response", id: message.id, ok: false, error: errorText(error) });
    }
  });
}
