import { ItemView, Notice, debounce, type WorkspaceLeaf } from "obsidian";
import { activityTypes } from "../../core/problems/session-activity";
import { findPatterns } from "../../core/patterns/engine";
import { recordPatternDecision } from "../../core/patterns/pattern-note";
import { TimeSlicer } from "../../core/patterns/slicer";
import { loadRecords } from "../../core/vault/records";
import { errorMessage } from "../../core/errors";
import { PatternsPanel } from "./patterns-panel";
import { onRecordChange } from "../common/record-changes";
import type { IndexAccess, IndexQueries, PluginContext } from "../plugin-context";

export const PATTERNS_VIEW_TYPE = "lifebetter-patterns";
/** The engine runs in slices of at most this long, then lets Obsidian paint and handle input. */
const SLICE_MS = 8;
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

const nextFrame = (): Promise<void> => new Promise((resolve) => window.setTimeout(resolve, 0));

/** "Open patterns": the pattern engine's proposals with their charts, evidence and decisions. */
export class PatternsView extends ItemView {
  private panel: PatternsPanel | null = null;
  /** Bumped by each run, so a run overtaken by a refresh or a close drops its result. */
  private run = 0;
  /** Paths of the records the last run read: a change to one of them (or a new record) refreshes the view. */
  private recordPaths = new Set<string>();
  /** Pattern notes this view just wrote (a decision): their own change event does not redraw the card being used. */
  private readonly ownWrites = new Set<string>();
  /** Decisions being written, and the records that changed meanwhile (one of them is the decision's own note). */
  private writing = 0;
  private readonly changedWhileWriting = new Set<string>();
  private readonly refreshSoon = debounce(() => void this.refresh(true), REFRESH_DELAY_MS, true);

  constructor(
    leaf: WorkspaceLeaf,
    private readonly host: PatternsViewContext,
  ) {
    super(leaf);
  }

  override getViewType(): string {
    return PATTERNS_VIEW_TYPE;
  }

  override getDisplayText(): string {
    return "Patterns";
  }

  override getIcon(): string {
    return "lightbulb";
  }

  override async onOpen(): Promise<void> {
    this.panel = new PatternsPanel(this.contentEl, {
      openNote: (path, newTab) => void this.app.workspace.openLinkText(path, "", newTab),
      decide: async (proposal, decision) => {
        this.writing++;
        try {
          const path = await recordPatternDecision(this.host.repo, this.host.settings(), proposal, decision);
          // Obsidian may report the write before or after it resolves: drop it either way.
          if (!this.changedWhileWriting.delete(path)) this.ownWrites.add(path);
          return path;
        } finally {
          if (--this.writing === 0) {
            if (this.changedWhileWriting.size > 0) this.refreshSoon();
            this.changedWhileWriting.clear();
          }
        }
      },
      refresh: () => void this.refresh(),
    });
    onRecordChange(this, this.app, (path) => this.recordPaths.has(path), (change) => {
      if (change.kind === "edited" && this.ownWrites.delete(change.path)) return;
      if (change.kind === "edited" && this.writing > 0) this.changedWhileWriting.add(change.path);
      else this.refreshSoon();
    });
    await this.refresh();
  }

  override onClose(): Promise<void> {
    this.refreshSoon.cancel();
    this.run++;
    this.panel?.destroy();
    this.panel = null;
    return Promise.resolve();
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
  async refresh(quiet = false): Promise<void> {
    const run = ++this.run;
    const panel = this.panel;
    if (!panel) return;
    panel.showLoading(quiet ? "Your notes changed: looking again…" : "Reading your notes…");
    try {
      const slicer = new TimeSlicer(nextFrame, SLICE_MS);
      const settings = this.host.settings();
      const records = await loadRecords(this.host.repo, settings, undefined, slicer.tick);
      if (run !== this.run) return;
      this.recordPaths = new Set(records.records.map((record) => record.path));
      if (!quiet) panel.showLoading(`Looking for patterns in ${records.records.length} notes…`);
      const vectors = await this.entryVectors(records.records.filter((record) => record.kind === "entry").map((record) => record.path));
      if (run !== this.run) return;
      const report = await findPatterns(records, { tick: slicer.tick, staleDays: settings.staleDays, habits: settings.habits, activityTypes: activityTypes(settings), vectors });
      if (run !== this.run) return;
      panel.showReport(report, records.records.length);
    } catch (error) {
      if (run !== this.run) return;
      panel.showError(`Patterns could not be computed: ${errorMessage(error)}`);
      new Notice(`LifeBetter: patterns could not be computed (${errorMessage(error)}).`);
    }
  }
}
