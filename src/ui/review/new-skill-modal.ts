import { Modal, Setting } from "obsidian";
import { InvalidInputError, errorMessage } from "../../core/errors";
import { SKILL_SOURCES } from "../../core/schema/kinds";
import { createMetaSkill, type NewSkillInput } from "../../core/skills/new-skill";
import { humanize } from "../common/labels";
import type { VaultContext } from "../plugin-context";

type TextKey = "whatItIs" | "whenToUse" | "howToApply";

const SECTIONS: { key: TextKey; name: string; placeholder: string }[] = [
  { key: "whatItIs", name: "What it is", placeholder: "The technique in a sentence or two" },
  { key: "whenToUse", name: "When to use", placeholder: "The situations where it helps: what the review asks you to recall" },
  { key: "howToApply", name: "How to apply", placeholder: "The steps" },
];

/**
 * "New meta-skill": the name (which is the note name), category, source and the three sections, as
 * the core's createMetaSkill takes them. Enter in a one-line field or Ctrl/Cmd+Enter anywhere saves;
 * a refused name is shown inline and nothing typed is lost.
 */
export class NewSkillModal extends Modal {
  private readonly input: NewSkillInput = { name: "", source: "learned" };
  private errorEl: HTMLElement | null = null;
  private saving = false;

  constructor(
    private readonly host: VaultContext,
    /** Called once the note exists (open it, tell the user); must not throw. */
    private readonly created: (path: string) => Promise<void>,
  ) {
    super(host.app);
  }

  override onOpen(): void {
    const { contentEl } = this;
    contentEl.empty();
    contentEl.addClass("lifebetter-new-skill");
    this.setTitle("New meta-skill");
    this.errorEl = contentEl.createDiv({ cls: "lifebetter-capture-error", attr: { role: "alert" } });

    let nameEl: HTMLInputElement | null = null;
    new Setting(contentEl)
      .setName("Name")
      .setDesc("Also the note's name, which links to the skill use.")
      .addText((text) => {
        nameEl = text.inputEl;
        text.inputEl.setAttribute("aria-label", "Name");
        text.setPlaceholder("Divide and conquer");
        text.inputEl.addEventListener("input", () => (this.input.name = text.inputEl.value));
      });
    new Setting(contentEl).setName("Category").addText((text) => {
      text.inputEl.setAttribute("aria-label", "Category");
      text.setPlaceholder("Debugging");
      text.inputEl.addEventListener("input", () => (this.input.category = text.inputEl.value));
    });
    new Setting(contentEl)
      .setName("Source")
      .setDesc("Discovered yourself, learned from someone or something, or imported.")
      .addDropdown((dropdown) => {
        dropdown.selectEl.setAttribute("aria-label", "Source");
        for (const source of SKILL_SOURCES) dropdown.addOption(source, humanize(source));
        dropdown.setValue(this.input.source ?? "learned");
        dropdown.selectEl.addEventListener("change", () => (this.input.source = dropdown.selectEl.value));
      });
    for (const section of SECTIONS) {
      const setting = new Setting(contentEl).setName(section.name).setClass("lifebetter-new-skill-section");
      setting.addTextArea((text) => {
        text.inputEl.rows = 3;
        text.inputEl.setAttribute("aria-label", section.name);
        text.setPlaceholder(section.placeholder);
        text.inputEl.addEventListener("input", () => (this.input[section.key] = text.inputEl.value));
      });
    }

    contentEl.createDiv({ cls: "lifebetter-capture-hint", text: "Enter in a one-line field or Ctrl/Cmd+Enter saves, Esc cancels." });
    const buttons = contentEl.createDiv({ cls: "modal-button-container" });
    buttons.createEl("button", { cls: "mod-cta", text: "Create" }).addEventListener("click", () => void this.save());
    buttons.createEl("button", { text: "Cancel" }).addEventListener("click", () => this.close());

    this.scope.register([], "Enter", (evt) => {
      const target = evt.target as HTMLElement | null;
      if (evt.isComposing || target?.tagName === "TEXTAREA" || target?.tagName === "BUTTON") return true;
      void this.save();
      return false;
    });
    this.scope.register(["Mod"], "Enter", () => {
      void this.save();
      return false;
    });
    (nameEl as HTMLInputElement | null)?.focus();
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  /** Creates the note through the core; resolves to its path, or null when refused (shown inline). */
  async save(): Promise<string | null> {
    if (this.saving) return null;
    this.saving = true;
    try {
      const { path } = await createMetaSkill(this.host.repo, this.input, this.host.settings());
      this.close();
      await this.created(path);
      return path;
    } catch (error) {
      this.errorEl?.setText(error instanceof InvalidInputError ? error.message : `The meta-skill could not be created: ${errorMessage(error)}`);
      return null;
    } finally {
      this.saving = false;
    }
  }
}
