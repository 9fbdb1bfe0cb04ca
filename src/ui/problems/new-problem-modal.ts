import { Modal, Setting } from "obsidian";
import { createProblem, type CreatedProblem, type ProblemInput } from "../../core/problems/create-problem";
import { InvalidInputError } from "../../core/errors";
import { PRIORITIES } from "../../core/schema/kinds";
import { humanize } from "../common/labels";
import { FormSave, errorLine, textAreaRow, textRow } from "./form-fields";
import { problemFiles } from "./problem-suggest-modal";
import type { ProblemsContext } from "./problems-context";

/** What the form holds, as typed. */
export interface ProblemDraft {
  title: string;
  description: string;
  priority: string;
  target: string;
  /** Minutes, as typed. */
  estimate: string;
  category: string;
}

const GOAL = "goal";

/** The core's input for the draft; a non-number estimate is refused here with the field's name. */
export function draftToProblem(draft: ProblemDraft): ProblemInput {
  const input: ProblemInput = { title: draft.title.trim() };
  if (draft.description.trim()) input.description = draft.description;
  if (draft.priority) input.priority = draft.priority;
  if (draft.target.trim()) input.target = draft.target.trim();
  const estimate = draft.estimate.trim();
  if (estimate) {
    const minutes = Number(estimate);
    if (!Number.isFinite(minutes)) throw new InvalidInputError(`The estimate "${estimate}" is not a number of minutes.`);
    input.estimate = minutes;
  }
  if (draft.category.trim()) input.category = draft.category.trim();
  return input;
}

/**
 * "New problem": title, description, priority, target date, estimate and category (`goal` for a
 * goal). Saving creates the note and hands it to `created` (which shows similar past problems).
 */
export class NewProblemModal extends Modal {
  readonly draft: ProblemDraft = { title: "", description: "", priority: "", target: "", estimate: "", category: "" };
  private readonly saver = new FormSave("The problem could not be created");

  constructor(
    private readonly host: ProblemsContext,
    private readonly created: (problem: CreatedProblem, input: ProblemInput) => void,
  ) {
    super(host.app);
  }

  override onOpen(): void {
    const { contentEl, draft } = this;
    contentEl.empty();
    contentEl.addClass("lifebetter-new-problem");
    this.setTitle("New problem");
    this.saver.errorEl = errorLine(contentEl);
    const title = textRow(contentEl, "Title", "A few words; it names the note", draft.title, (value) => (draft.title = value));
    textAreaRow(contentEl, "Description", "What is wrong, or what you want to reach", draft.description, (value) => (draft.description = value));

    new Setting(contentEl).setName("Priority").addDropdown((dropdown) => {
      dropdown.selectEl.setAttribute("aria-label", "Priority");
      dropdown.addOption("", "Not set");
      for (const priority of PRIORITIES) dropdown.addOption(priority, humanize(priority));
      dropdown.setValue(draft.priority);
      dropdown.selectEl.addEventListener("change", () => (draft.priority = dropdown.selectEl.value));
    });
    new Setting(contentEl)
      .setName("Target date")
      .setDesc("When it should be done")
      .addText((text) => {
        text.inputEl.type = "date";
        text.inputEl.setAttribute("aria-label", "Target date");
        text.inputEl.addEventListener("input", () => (draft.target = text.inputEl.value));
      });
    const estimate = textRow(contentEl, "Estimate (minutes)", "How long you expect it to take", draft.estimate, (value) => (draft.estimate = value));
    estimate.type = "number";
    estimate.min = "0";
    const category = textRow(contentEl, "Category", 'Such as work or health; "goal" makes it a goal', draft.category, (value) => (draft.category = value));
    this.addCategoryChoices(category);

    const buttons = contentEl.createDiv({ cls: "modal-button-container" });
    buttons.createEl("button", { cls: "mod-cta", text: "Create problem" }).addEventListener("click", () => void this.save());
    buttons.createEl("button", { text: "Cancel" }).addEventListener("click", () => this.close());
    this.scope.register([], "Enter", (evt) => {
      // Enter in the description starts a new line; on a button it presses the button.
      const tag = (evt.target as HTMLElement | null)?.tagName;
      if (evt.isComposing || tag === "TEXTAREA" || tag === "BUTTON") return true;
      void this.save();
      return false;
    });
    title.focus();
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  /** Creates the note; resolves to whether it was created. */
  save(): Promise<boolean> {
    return this.saver.run(async () => {
      const input = draftToProblem(this.draft);
      const problem = await createProblem(this.host.repo, input, this.host.settings());
      this.close();
      this.created(problem, input);
    });
  }

  /** Categories already in use, plus "goal", offered as the user types. */
  private addCategoryChoices(input: HTMLInputElement): void {
    const categories = new Set<string>([GOAL]);
    for (const file of problemFiles(this.app, "all")) {
      const category: unknown = this.app.metadataCache.getFileCache(file)?.frontmatter?.category;
      if (typeof category === "string" && category.trim() !== "") categories.add(category.trim());
    }
    const listId = "lifebetter-problem-categories";
    const list = this.contentEl.createEl("datalist", { attr: { id: listId } });
    for (const category of [...categories].sort()) list.createEl("option", { attr: { value: category } });
    input.setAttribute("list", listId);
  }
}
