import { Modal, Notice } from "obsidian";
import { closeProblem, type ClosedProblem, type ClosingStatus } from "../../core/problems/close-problem";
import { noteName } from "../../core/vault/paths";
import { FormSave, errorLine, linesOf, textAreaRow } from "./form-fields";
import type { ProblemsContext } from "./problems-context";

const TITLES: Record<ClosingStatus, string> = { solved: "Mark problem solved", abandoned: "Mark problem abandoned" };

/** What the closing notice says: the outcome and what it was recorded on. */
export function closedText(closed: ClosedProblem): string {
  const parts = [`"${noteName(closed.path)}" is ${closed.status}.`];
  if (closed.skills.length > 0) {
    const names = closed.skills.map((skill) => noteName(skill.path)).join(", ");
    parts.push(`Outcome recorded on ${closed.skills.length === 1 ? "1 meta-skill" : `${closed.skills.length} meta-skills`}: ${names}.`);
  }
  if (closed.missingSkills.length > 0) parts.push(`No meta-skill note for: ${closed.missingSkills.join(", ")}.`);
  for (const failure of closed.failed) parts.push(`"${failure.path}" could not be updated: ${failure.message}`);
  return parts.join(" ");
}

/**
 * "Mark problem solved" / "Mark problem abandoned": asks what was learned, what worked and what did
 * not (one item per line), then closes the problem and records the outcome on its meta-skills.
 */
export class CloseProblemModal extends Modal {
  private learned = "";
  private worked = "";
  private didntWork = "";
  private readonly saver = new FormSave("The problem could not be closed");

  constructor(
    private readonly host: ProblemsContext,
    private readonly problemPath: string,
    private readonly status: ClosingStatus,
    private readonly closed: (result: ClosedProblem) => void = () => {},
  ) {
    super(host.app);
  }

  override onOpen(): void {
    const { contentEl } = this;
    contentEl.empty();
    contentEl.addClass("lifebetter-close-problem");
    this.setTitle(TITLES[this.status]);
    contentEl.createEl("p", { text: `"${noteName(this.problemPath)}" — one item per line; all optional.` });
    this.saver.errorEl = errorLine(contentEl);
    const first = textAreaRow(contentEl, "What I learned", "Lessons to keep", "", (value) => (this.learned = value));
    textAreaRow(contentEl, "What worked", "Approaches worth repeating", "", (value) => (this.worked = value));
    textAreaRow(contentEl, "What didn't work", "Approaches to avoid next time", "", (value) => (this.didntWork = value));
    const buttons = contentEl.createDiv({ cls: "modal-button-container" });
    const label = this.status === "solved" ? "Mark solved" : "Mark abandoned";
    buttons.createEl("button", { cls: "mod-cta", text: label }).addEventListener("click", () => void this.save());
    buttons.createEl("button", { text: "Cancel" }).addEventListener("click", () => this.close());
    first.focus();
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  /** Closes the problem; resolves to whether it was closed. */
  save(): Promise<boolean> {
    return this.saver.run(async () => {
      const result = await closeProblem(this.host.repo, this.host.settings(), this.problemPath, {
        status: this.status,
        learned: linesOf(this.learned),
        worked: linesOf(this.worked),
        didntWork: linesOf(this.didntWork),
      });
      this.close();
      new Notice(closedText(result), 8000);
      this.closed(result);
    });
  }
}
