import { ItemView, Notice, type WorkspaceLeaf } from "obsidian";
import { findPatterns } from "../core/patterns/engine";
import { recordPatternDecision } from "../core/patterns/pattern-note";
import { TimeSlicer } from "../core/patterns/slicer";
import type { LifeBetterSettings } from "../core/settings";
import { loadRecords } from "../core/vault/records";
import type { NoteRepository } from "../core/vault/repository";
import { errorMessage } from "../core/errors";
import { PatternsPanel } from "./patterns-panel";

export const PATTERNS_VIEW_TYPE = "lifebetter-patterns";
/** The engine runs in slices of at most this long, then lets Obsidian paint and handle input. */
const SLICE_MS = 8;

export interface PatternsViewHost {
  repo: NoteRepository;
  settings(): LifeBetterSettings;
}

const nextFrame = (): Promise<void> => new Promise((resolve) => window.setTimeout(resolve, 0));

/** "Open patterns": the pattern engine's proposals with their charts, evidence and decisions. */
export class PatternsView extends ItemView {
  private panel: PatternsPanel | null = null;
  /** Bumped by each run, so a run overtaken by a refresh or a close drops its result. */
  private run = 0;

  constructor(
    leaf: WorkspaceLeaf,
    private readonly host: PatternsViewHost,
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
      decide: (proposal, decision) => recordPatternDecision(this.host.repo, this.host.settings(), proposal, decision),
      refresh: () => void this.refresh(),
    });
    await this.refresh();
  }

  override onClose(): Promise<void> {
    this.run++;
    this.panel?.destroy();
    this.panel = null;
    return Promise.resolve();
  }

  /** Reads the notes and runs the engine in short slices, so typing and scrolling never wait on it. */
  async refresh(): Promise<void> {
    const run = ++this.run;
    const panel = this.panel;
    if (!panel) return;
    panel.showLoading("Reading your notes…");
    try {
      const slicer = new TimeSlicer(nextFrame, SLICE_MS);
      const settings = this.host.settings();
      const records = await loadRecords(this.host.repo, settings, undefined, slicer.tick);
      if (run !== this.run) return;
      panel.showLoading(`Looking for patterns in ${records.records.length} notes…`);
      const report = await findPatterns(records, { tick: slicer.tick, staleDays: settings.staleDays });
      if (run !== this.run) return;
      panel.showReport(report, records.records.length);
    } catch (error) {
      if (run !== this.run) return;
      panel.showError(`Patterns could not be computed: ${errorMessage(error)}`);
      new Notice(`LifeBetter: patterns could not be computed (${errorMessage(error)}).`);
    }
  }
}
