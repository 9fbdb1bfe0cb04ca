import { ItemView, debounce, type Debouncer, type WorkspaceLeaf } from "obsidian";
import { TimeSlicer } from "../../core/patterns/slicer";
import { onRecordChange, type RecordChange } from "./record-changes";

/** Long reads run in slices of at most this long, then let Obsidian paint and handle input. */
const SLICE_MS = 8;

/** One read of the records a view shows. */
export interface RecordRead {
  /**
   * The records edited since the last read started, for a view that re-reads only those; null when
   * everything must be read (the first read, a refresh asked for, a note added, deleted or renamed).
   */
  readonly changed: readonly string[] | null;
  /** Whether this read was started by record changes (not opened or asked for): it may stay quiet. */
  readonly afterChange: boolean;
  /** The clock of this read: when it was asked for (or the time a test gave). */
  readonly now: Date;
  /** Whether a newer read was asked for since this one: what it read must not be painted. */
  stale(): boolean;
  /** Ends a stale read here (long work calls it between steps); it is dropped, not shown as an error. */
  stopIfStale(): void;
}

/** Thrown at a slice boundary of a read that a newer one overtook: the work stops (it is not an error). */
class ReadOvertaken extends Error {}

/**
 * A time slicer for a long read (the engine, every record): between slices the UI paints, and a read
 * overtaken by a newer one stops there instead of finishing work nobody will see.
 */
export function readSlicer(read: RecordRead): TimeSlicer {
  return new TimeSlicer(async () => {
    await new Promise<void>((resolve) => window.setTimeout(resolve, 0));
    read.stopIfStale();
  }, SLICE_MS);
}

/** What Obsidian shows for a view: its type, its tab title and its icon. */
export interface ViewLabel {
  type: string;
  title: string;
  icon: string;
}

/**
 * The base of every view that shows records: it follows record changes (`onRecordChange`, undone
 * on unload), waits out a burst of them (sync, a typing user), reads again with the paths that
 * changed, and never lets an older, slower read paint over a newer one. Reads run one at a time
 * (a view's state is never read by two at once); a read asked for while one runs supersedes it.
 *
 * A view declares its `label` (static: Obsidian may ask for it before the view's own fields are
 * set), implements `readRecords` (read, then paint unless `read.stale()`), keeps `recordPaths` up to
 * date, calls `followRecords(delayMs)` in `onOpen` and `reread()` where it refreshes.
 */
export abstract class RecordView<Host = unknown> extends ItemView {
  /** The records the last read saw: an edit of one of them (or of any record now) reads again. */
  protected recordPaths: ReadonlySet<string> = new Set();
  /** Bumped by every read asked for; a read whose number is no longer current is stale. */
  private generation = 0;
  /** Edited records not read yet; null after a change that needs a full read. */
  private pending: Set<string> | null = new Set();
  private afterChange = false;
  private reads: Promise<void> = Promise.resolve();
  private soon: Debouncer<[], void> | null = null;
  private now: Date | undefined;

  constructor(
    leaf: WorkspaceLeaf,
    protected readonly host: Host,
  ) {
    super(leaf);
  }

  /** The subclass's `static readonly label`. */
  private get viewLabel(): ViewLabel {
    return (this.constructor as unknown as { label: ViewLabel }).label;
  }

  getViewType(): string {
    return this.viewLabel.type;
  }

  getDisplayText(): string {
    return this.viewLabel.title;
  }

  override getIcon(): string {
    return this.viewLabel.icon;
  }

  /** Reads what the view shows and paints it, unless `read.stale()` by then. */
  protected abstract readRecords(read: RecordRead): Promise<void>;

  /** Shows why a read failed (not called for a stale read). */
  protected abstract readFailed(error: unknown): void;

  /** Whether a change to the note at `path` is the view's business: a record it read last time. */
  protected wasRecord(path: string): boolean {
    return this.recordPaths.has(path);
  }

  /**
   * Starts following record changes; call it in `onOpen`. A burst of changes (sync, a typing user) is
   * waited out for `delayMs` before reading again. Unloading the view stops it.
   */
  protected followRecords(delayMs: number): void {
    const soon = debounce(() => void this.run(true), delayMs, true);
    this.soon = soon;
    this.register(() => soon.cancel());
    onRecordChange(
      this,
      this.app,
      (path) => this.wasRecord(path),
      (change) => this.recordChanged(change),
    );
  }

  /** A record changed: noted, and read once the burst is over. A view may hold some changes back. */
  protected recordChanged(change: RecordChange): void {
    this.noteChange(change);
    this.rereadSoon();
  }

  /** Notes a change for the next read without asking for one. */
  protected noteChange(change: RecordChange): void {
    if (change.kind === "moved") this.pending = null;
    else this.pending?.add(change.path);
  }

  /** Reads again once the current burst of changes is over. */
  protected rereadSoon(): void {
    if (this.soon) this.soon();
    else void this.run(true);
  }

  /**
   * Reads everything again now and paints it; settles once it is on screen, or dropped because a
   * newer read was asked for meanwhile.
   */
  protected reread(now?: Date): Promise<void> {
    this.pending = null;
    this.now = now;
    return this.run(false);
  }

  /** Settles once every read asked for so far is done. */
  protected readsDone(): Promise<void> {
    return this.reads;
  }

  private run(afterChange: boolean): Promise<void> {
    this.soon?.cancel();
    const generation = ++this.generation;
    this.afterChange = afterChange;
    const stale = (): boolean => generation !== this.generation;
    this.reads = this.reads.then(async () => {
      // A read overtaken before it started leaves its changes to the newer one.
      if (stale()) return;
      const stopIfStale = (): void => {
        if (stale()) throw new ReadOvertaken("overtaken by a newer read");
      };
      const read: RecordRead = {
        changed: this.pending ? [...this.pending] : null,
        afterChange: this.afterChange,
        now: this.now ?? new Date(),
        stale,
        stopIfStale,
      };
      this.pending = new Set();
      this.now = undefined;
      try {
        await this.readRecords(read);
      } catch (error) {
        if (!stale()) this.readFailed(error);
      }
    });
    return this.reads;
  }

  /** Nothing read after closing is painted, and a read in flight is waited for. */
  override async onClose(): Promise<void> {
    this.soon?.cancel();
    this.generation++;
    await this.reads;
  }
}
