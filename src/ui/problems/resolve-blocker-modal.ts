import { Modal, Notice } from "obsidian";
import { resolveBlocker } from "../../core/problems/resolve-blocker";
import { noteName } from "../../core/vault/paths";
import { FormSave, errorLine, textAreaRow } from "./form-fields";
import type { ProblemsContext } from "./problems-context";

/** "Resolve blocker": asks how it was resolved, then sets `resolved` and `how_resolved`. */
export class ResolveBlockerModal extends Modal {
  private how = "";
  private readonly saver = new FormSave("The blocker could not be resolved");

  constructor(
    private readonly host: ProblemsContext,
    private readonly blockerPath: string,
  ) {
    super(host.app);
  }

  override onOpen(): void {
    const { contentEl } = this;
    contentEl.empty();
    contentEl.addClass("lifebetter-resolve-blocker");
    this.setTitle("Resolve blocker");
    contentEl.createEl("p", { text: `"${noteName(this.blockerPath)}"` });
    this.saver.errorEl = errorLine(contentEl);
    const how = textAreaRow(contentEl, "How it was resolved", "What removed the blocker", "", (value) => (this.how = value));
    const buttons = contentEl.createDiv({ cls: "modal-button-container" });
    buttons.createEl("button", { cls: "mod-cta", text: "Resolve" }).addEventListener("click", () => void this.save());
    buttons.createEl("button", { text: "Cancel" }).addEventListener("click", () => this.close());
    how.focus();
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  save(): Promise<boolean> {
    return this.saver.run(async () => {
      await resolveBlocker(this.host.repo, this.blockerPath, this.how);
      this.close();
      new Notice(`Blocker "${noteName(this.blockerPath)}" resolved.`);
    });
  }
}
