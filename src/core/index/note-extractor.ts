import type { VaultFile } from "../vault/repository";
import { fullTextTokens } from "./fulltext-documents";
import { extractNote, type ExtractOptions, type ExtractedNote } from "./note-record";
import type { NoteTokenizer } from "./tokenizer";

/** One note to extract: its file, its text and, when the host already parsed it, its frontmatter. */
export interface ExtractJob {
  file: VaultFile;
  text: string;
  properties?: Record<string, unknown>;
}

/** What every note of a sync is extracted with (the per-note frontmatter travels in its job). */
export type BatchExtractOptions = Omit<ExtractOptions, "properties">;

/**
 * Turns notes into what the index keeps (extractNote), a batch at a time, in the batch's order.
 * `workers` says how many other threads do it: 0 runs in this thread; more lets a sync read and
 * insert into full text while other cores parse (extraction is most of a first index's time).
 */
export interface NoteExtractor {
  readonly workers: number;
  extract(jobs: readonly ExtractJob[], options: BatchExtractOptions): Promise<ExtractedNote[]>;
  /** Stops its workers: a build's extractors live only as long as the build. */
  dispose(): Promise<void>;
}

/** Starts extractors for one large sync (workers start only when there is much to read). */
export type StartExtractor = () => Promise<NoteExtractor>;

export function extractJobs(jobs: readonly ExtractJob[], options: BatchExtractOptions): ExtractedNote[] {
  return jobs.map((job) => extractNote(job.file, job.text, job.properties ? { ...options, properties: job.properties } : options));
}

/**
 * What an extraction worker answers: extractJobs' notes with their full-text tokens, so the thread
 * that fills the index does not tokenize them again (`tokenizer`: the worker's own, the index's kind).
 */
export function extractJobsWithTokens(jobs: readonly ExtractJob[], options: BatchExtractOptions, tokenizer: NoteTokenizer): ExtractedNote[] {
  return extractJobs(jobs, options).map((note) => ({ ...note, tokens: fullTextTokens(note.fullText, tokenizer) }));
}

/** Extraction in this thread: what a phone, a small sync and a pool's failed piece use. */
export const inlineExtractor: NoteExtractor = {
  workers: 0,
  extract: (jobs, options) => Promise.resolve(extractJobs(jobs, options)),
  dispose: () => Promise.resolve(),
};

/** Notes per piece a member takes: large enough that a message's cost is small next to its parsing. */
const PIECE_NOTES = 32;

/**
 * Pieces a member holds at once: the one it parses and the next, already in its message queue, so
 * it never waits for this thread between pieces (as EmbedderPool does).
 */
const PIECES_PER_MEMBER = 2;

interface Piece {
  jobs: readonly ExtractJob[];
  options: BatchExtractOptions;
  done: (notes: ExtractedNote[]) => void;
  fail: (error: unknown) => void;
}

/**
 * Several extractors (workers) as one: a batch is cut into pieces of ~32 notes, queued behind earlier
 * batches' pieces; every member holds up to two and gets the next when one comes back, and each
 * batch's results come back in its order. A member that fails (its worker died, or could not parse
 * a piece) is used no more and its piece is extracted in this thread, so no note is lost; with no
 * member left, everything is extracted here.
 */
export class ExtractorPool implements NoteExtractor {
  private readonly queue: Piece[] = [];
  /** Pieces each member holds; null once it failed. */
  private readonly held: (number | null)[];

  constructor(
    private readonly members: readonly NoteExtractor[],
    private readonly pieceNotes = PIECE_NOTES,
  ) {
    this.held = members.map(() => 0);
  }

  get workers(): number {
    return this.held.filter((held) => held !== null).length;
  }

  async extract(jobs: readonly ExtractJob[], options: BatchExtractOptions): Promise<ExtractedNote[]> {
    const pieces: Promise<ExtractedNote[]>[] = [];
    for (let start = 0; start < jobs.length; start += this.pieceNotes) {
      const slice = jobs.slice(start, start + this.pieceNotes);
      pieces.push(new Promise((done, fail) => this.queue.push({ jobs: slice, options, done, fail })));
    }
    this.dispatch();
    return (await Promise.all(pieces)).flat();
  }

  /** Hands queued pieces to the members with room, the least loaded first. */
  private dispatch(): void {
    for (;;) {
      let member = -1;
      this.held.forEach((held, index) => {
        if (held !== null && held < PIECES_PER_MEMBER && (member < 0 || held < (this.held[member] ?? 0))) member = index;
      });
      if (member < 0) {
        // No member left at all: what is queued is extracted here rather than waiting forever.
        if (this.workers === 0) for (let piece = this.queue.shift(); piece; piece = this.queue.shift()) this.runInline(piece);
        return;
      }
      const piece = this.queue.shift();
      if (!piece) return;
      const at = member;
      this.held[at]! += 1;
      (this.members[at] as NoteExtractor).extract(piece.jobs, piece.options).then(
        (notes) => {
          if (notes.length !== piece.jobs.length) return this.memberFailed(at, piece);
          // A member that failed meanwhile may still answer for a piece it held: the answer is good.
          if (this.held[at] !== null) this.held[at]! -= 1;
          piece.done(notes);
          this.dispatch();
        },
        () => this.memberFailed(at, piece),
      );
    }
  }

  private memberFailed(at: number, piece: Piece): void {
    if (this.held[at] !== null) {
      this.held[at] = null;
      void this.members[at]?.dispose();
    }
    this.runInline(piece);
    this.dispatch();
  }

  private runInline(piece: Piece): void {
    try {
      piece.done(extractJobs(piece.jobs, piece.options));
    } catch (error) {
      piece.fail(error);
    }
  }

  async dispose(): Promise<void> {
    await Promise.all(this.members.map((member) => member.dispose()));
  }
}
