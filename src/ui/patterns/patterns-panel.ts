import type { PatternDecision } from "../../core/patterns/pattern-note";
import type { PatternProposal, PatternReport, PatternType } from "../../core/patterns/pattern-types";
import { noteName } from "../../core/vault/paths";
import { onOpenGesture, type OpenHow } from "../common/open-note";
import { renderChart, type RenderedChart } from "./pattern-chart";

/** What the panel asks of its host (the view in Obsidian, made-up data in the screenshots). */
export interface PatternsPanelActions {
  openNote(path: string, how: OpenHow): void;
  /** Writes the decision to the pattern's note; resolves to the note's path. */
  decide(proposal: PatternProposal, decision: PatternDecision): Promise<string>;
  refresh(): void;
}

const TYPE_LABELS: Record<PatternType, string> = {
  temporal: "Temporal",
  emotional: "Emotional",
  "problem-solving": "Problem-solving",
  behavioral: "Behavioral",
  thinking: "Thinking",
};
/** Evidence links shown before "Show all". */
const EVIDENCE_SHOWN = 6;

/**
 * The pattern view's content: an overview of the user's data as charts, then the proposals best
 * first, each with its chart, evidence links, Confirm / Dismiss and a helpfulness rating.
 */
export class PatternsPanel {
  private charts: RenderedChart[] = [];
  private readonly statusEl: HTMLElement;
  private readonly bodyEl: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: PatternsPanelActions,
  ) {
    root.empty();
    root.classList.add("lifebetter-patterns");
    const header = root.createDiv({ cls: "lifebetter-patterns-header" });
    header.createEl("h2", { text: "Patterns" });
    const refresh = header.createEl("button", { text: "Refresh", attr: { "aria-label": "Look for patterns again" } });
    refresh.addEventListener("click", () => this.actions.refresh());
    this.statusEl = root.createDiv({ cls: "lifebetter-patterns-status", attr: { "aria-live": "polite" } });
    this.bodyEl = root.createDiv({ cls: "lifebetter-patterns-body" });
  }

  showLoading(text: string): void {
    this.statusEl.setText(text);
  }

  showError(text: string): void {
    this.clear();
    this.statusEl.setText(text);
    this.statusEl.classList.add("mod-warning");
  }

  /**
   * Shows the report. Every chart is drawn on creation, so with `tick` (the read's slicer) the
   * charts and cards are drawn a few per slice, not dozens in one; without it, at once.
   */
  async showReport(report: PatternReport, recordCount: number, tick?: () => Promise<void>): Promise<void> {
    this.clear();
    this.statusEl.classList.remove("mod-warning");
    const count = report.proposals.length;
    this.statusEl.setText(
      count === 0
        ? `No patterns yet in ${recordCount} notes: keep logging sessions, reflections and entries, and patterns will show once there is enough data.`
        : `${count} ${count === 1 ? "pattern" : "patterns"} from ${recordCount} notes, most confident first.`,
    );
    if (report.overview.length > 0) {
      const overview = this.bodyEl.createEl("section", { cls: "lifebetter-patterns-overview" });
      overview.createEl("h3", { text: "Your data" });
      const grid = overview.createDiv({ cls: "lifebetter-chart-grid" });
      for (const spec of report.overview) {
        this.charts.push(renderChart(grid.createDiv({ cls: "lifebetter-chart-card" }), spec));
        if (tick) await tick();
      }
    }
    const list = this.bodyEl.createEl("section", { cls: "lifebetter-pattern-list" });
    for (const proposal of report.proposals) {
      this.renderProposal(list, proposal);
      if (tick) await tick();
    }
  }

  destroy(): void {
    this.clear();
  }

  private clear(): void {
    for (const chart of this.charts) chart.destroy();
    this.charts = [];
    this.bodyEl.empty();
  }

  private renderProposal(list: HTMLElement, original: PatternProposal): void {
    const proposal = { ...original };
    const card = list.createEl("article", { cls: "lifebetter-pattern-card" });
    const head = card.createDiv({ cls: "lifebetter-pattern-head" });
    head.createEl("h3", { cls: "lifebetter-pattern-name", text: proposal.name });
    const badges = head.createDiv({ cls: "lifebetter-pattern-badges" });
    badges.createSpan({ cls: "lifebetter-pattern-badge", text: TYPE_LABELS[proposal.pattern_type] });
    badges.createSpan({
      cls: `lifebetter-pattern-badge ${proposal.positive ? "is-positive" : "is-negative"}`,
      text: proposal.positive ? "Works for you" : "Watch out",
    });
    badges.createSpan({ cls: "lifebetter-pattern-confidence", text: `${Math.round(proposal.confidence * 100)}% confidence` });
    card.createEl("p", { cls: "lifebetter-pattern-description", text: proposal.description });
    const why = card.createEl("details", { cls: "lifebetter-pattern-why" });
    why.createEl("summary", { text: "Why this was proposed" });
    // A finding grouped from several comparisons explains each on a line of its own.
    for (const line of proposal.why.split("\n")) why.createEl("p", { text: line });
    const suggestion = card.createEl("p", { cls: "lifebetter-pattern-suggestion" });
    suggestion.createEl("strong", { text: "Try this: " });
    suggestion.append(proposal.suggestion);
    this.charts.push(renderChart(card, proposal.chart));
    this.renderEvidence(card, proposal.evidence);
    this.renderDecisions(card, proposal);
  }

  private renderEvidence(card: HTMLElement, evidence: string[]): void {
    const section = card.createDiv({ cls: "lifebetter-pattern-evidence" });
    section.createSpan({ cls: "lifebetter-pattern-evidence-label", text: `Evidence (${evidence.length})` });
    const links = section.createEl("ul");
    const addLinks = (paths: string[]) => {
      for (const path of paths) {
        const link = links.createEl("li").createEl("a", { text: noteName(path), href: "#", cls: "internal-link", attr: { title: path } });
        onOpenGesture(link, (how) => this.actions.openNote(path, how));
      }
    };
    addLinks(evidence.slice(0, EVIDENCE_SHOWN));
    if (evidence.length > EVIDENCE_SHOWN) {
      const more = section.createEl("button", { cls: "lifebetter-link-button", text: `Show all ${evidence.length}` });
      more.addEventListener("click", () => {
        more.remove();
        addLinks(evidence.slice(EVIDENCE_SHOWN));
      });
    }
  }

  private renderDecisions(card: HTMLElement, proposal: PatternProposal): void {
    const actions = card.createDiv({ cls: "lifebetter-pattern-actions" });
    const confirm = actions.createEl("button", { cls: "mod-cta", text: "Confirm" });
    const dismiss = actions.createEl("button", { text: "Dismiss" });
    const status = card.createDiv({ cls: "lifebetter-pattern-saved", attr: { "aria-live": "polite" } });
    const save = async (decision: PatternDecision, done: (path: string) => string): Promise<boolean> => {
      try {
        proposal.notePath = await this.actions.decide(proposal, decision);
        status.setText(done(proposal.notePath));
        status.classList.remove("mod-warning");
        return true;
      } catch (error) {
        status.setText(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
        status.classList.add("mod-warning");
        return false;
      }
    };
    const decide = async (decision: "confirmed" | "dismissed") => {
      confirm.disabled = dismiss.disabled = true;
      const saved = await save({ status: decision }, (path) =>
        decision === "confirmed" ? `Confirmed: saved to ${noteName(path)}.` : "Dismissed: it will not be proposed again.",
      );
      if (saved) card.classList.add(decision === "confirmed" ? "is-confirmed" : "is-dismissed");
      else confirm.disabled = dismiss.disabled = false;
    };
    confirm.addEventListener("click", () => void decide("confirmed"));
    dismiss.addEventListener("click", () => void decide("dismissed"));

    const rating = card.createDiv({ cls: "lifebetter-pattern-rating" });
    rating.createSpan({ text: "How helpful is this?" });
    const stars = rating.createDiv({ cls: "lifebetter-rating-buttons", attr: { role: "group", "aria-label": "Helpful, from 1 to 5" } });
    const buttons = [1, 2, 3, 4, 5].map((value) => {
      const button = stars.createEl("button", {
        text: String(value),
        attr: { "aria-pressed": String(proposal.helpful === value), "aria-label": `${value} of 5` },
      });
      button.addEventListener("click", () => {
        void save({ helpful: value }, () => `Rated ${value} of 5.`).then((saved) => {
          if (!saved) return;
          proposal.helpful = value;
          buttons.forEach((b, i) => b.setAttribute("aria-pressed", String(i + 1 === value)));
        });
      });
      return button;
    });
    const feedback = card.createDiv({ cls: "lifebetter-pattern-feedback" });
    const text = feedback.createEl("textarea", { attr: { placeholder: "Optional: what do you make of it?", rows: "2", "aria-label": "Feedback" } });
    text.value = proposal.feedback ?? "";
    const send = feedback.createEl("button", { text: "Save feedback" });
    send.addEventListener("click", () => void save({ feedback: text.value }, () => "Feedback saved."));
  }
}
