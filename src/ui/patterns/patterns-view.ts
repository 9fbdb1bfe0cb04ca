import { Notice } from "obsidian";
import type { RecordChange } from "../common/record-changes";
import { activityTypes } from "../../core/problems/session-activity";
import { findPatterns } from "../../core/patterns/engine";
import { recordPatternDecision } from "../../core/patterns/pattern-note";
import { loadRecords } from "../../core/vault/records";
import { errorMessage } from "../../core/errors";
import { PatternsPanel } from "./patterns-panel";
import { openNote } from "../common/open-note";
import { RecordView, readSlicer, type RecordRead, type ViewLabel } from "../common/record-view";
import type { IndexAccess, IndexQueries, PluginContext } from "../plugin-context";

export const PATTERNS_VIEW_TYPE = "lifebetter-patterns";
/**
 * After a record changes, the view waits this long for more changes before looking again: typing in
 * a reflection saves every few seconds, and each look reads every record.
 */
const REFRESH_DELAY_MS = 2000;

/** What the pattern view needs from the plugin context (tests pass a small fake). */
export type PatternsViewContext = Pick<PluginContext, "repo" | "settings"> & {
  /** For the notes' vectors (none when the index has no model or is not ready). */
  readonly index?: IndexAccess<Pick<IndexQueries, "noteVectors">>;
};

/** "Open patterns": the pattern engine's proposals with their charts, evidence and decisions. */
export class PatternsView extends RecordView<PatternsViewContext> {
  static readonly label: ViewLabel = { type: PATTERNS_VIEW_TYPE, title: "Patterns", icon: "lightbulb" };
  private panel: PatternsPanel | null = null;
  /** A refresh asked for with `quiet`: the patterns shown stay until the new ones are ready. */
  private quiet = false;
  /** Pattern notes this view just wrote (a decision): their own change event does not redraw the card being used. */
  private readonly ownWrites = new Set<string>();
  /** Decisions being written, and the records that changed meanwhile (one of them is the decision's own note). */
  private writing = 0;
  private readonly changedWhileWriting = new Set<string>();

  override async onOpen(): Promise<void> {
    this.panel = new PatternsPanel(this.contentEl, {
      openNote: (path, how) => void openNote(this.app, path, how),
      decide: async (proposal, decision) => {
        this.writing++;
        try {
          const path = await recordPatternDecision(this.host.repo, this.host.settings(), proposal, decision);
          // Obsidian may report the write before or after it resolves: drop it either way.
          if (!this.changedWhileWriting.delete(path)) this.ownWrites.add(path);
          return path;
        } finally {
          if (--this.writing === 0) {
            if (this.changedWhileWriting.size > 0) this.rereadSoon();
            this.changedWhileWriting.clear();
          }
        }
      },
      refresh: () => void this.refresh(),
    });
    this.followRecords(REFRESH_DELAY_MS);
    await this.refresh();
  }

  /** The view's own decision notes do not redraw the card being used; changes while one is written wait for it. */
  protected override recordChanged(change: RecordChange): void {
    if (change.kind === "edited" && this.ownWrites.delete(change.path)) return;
    if (change.kind === "edited" && this.writing > 0) {
      this.changedWhileWriting.add(change.path);
      this.noteChange(change);
    } else super.recordChanged(change);
  }

  override async onClose(): Promise<void> {
    const closing = super.onClose();
    this.panel?.destroy();
    this.panel = null;
    await closing;
  }

  /** Entry vectors from the index, so themes are read by meaning; none (words) when it cannot give them. */
  private async entryVectors(paths: string[]): Promise<Map<string, number[]> | undefined> {
    const availability = this.host.index?.availability();
    if (!availability || paths.length === 0) return undefined;
    if (availability.state !== "ready") return new Map();
    try {
      return new Map(Object.entries(await availability.queries.noteVectors(paths)));
    } catch {
      return undefined; // the index is not open yet: words it is
    }
  }

  /**
   * Reads the notes and runs the engine in short slices, so typing and scrolling never wait on it.
   * `quiet` (a refresh after records changed): the patterns shown stay until the new ones are ready.
   */
  refresh(quiet = false): Promise<void> {
    this.quiet = quiet;
    return this.reread();
  }

  protected async readRecords(read: RecordRead): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const quiet = read.afterChange || this.quiet;
    panel.showLoading(quiet ? "Your notes changed: looking again…" : "Reading your notes…");
    const slicer = readSlicer(read);
    const settings = this.host.settings();
    const records = await loadRecords(this.host.repo, settings, undefined, slicer.tick);
    if (read.stale()) return;
    this.recordPaths = new Set(records.records.map((record) => record.path));
    if (!quiet) panel.showLoading(`Looking for patterns in ${records.records.length} notes…`);
    const vectors = await this.entryVectors(records.records.filter((record) => record.kind === "entry").map((record) => record.path));
    if (read.stale()) return;
    const report = await findPatterns(records, {
      tick: slicer.tick,
      staleDays: settings.staleDays,
      habits: settings.habits,
      activityTypes: activityTypes(settings),
      vectors,
    });
    if (read.stale()) return;
    await panel.showReport(report, records.records.length, slicer.tick);
  }

  protected readFailed(error: unknown): void {
    this.panel?.showError(`Patterns could not be computed: ${errorMessage(error)}`);
    new Notice(`LifeBetter: patterns could not be computed (${errorMessage(error)}).`);
  }
}
