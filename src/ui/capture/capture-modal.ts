import { Modal, Platform, Setting } from "obsidian";
import { captureEntry, fieldsForType, type CaptureInput, type CapturedEntry } from "../../core/capture/capture-entry";
import { InvalidInputError, errorMessage } from "../../core/errors";
import { TYPE_FIELDS } from "../../core/schema/entry-fields";
import type { PropertySpec } from "../../core/schema/properties";
import { entryTypes } from "../../core/settings";
import { SCALES, draftToInput, initialType, type CaptureDraft, type Scale } from "./capture-draft";
import { humanize } from "../common/labels";
import { CaptureSimilar } from "../index/capture-similar";
import type { IndexAccess, MemoryQueries, PluginContext } from "../plugin-context";
import { KindNoteSuggest } from "../common/note-suggest";

/** The class of the element where similar past notes are listed while the user types. */
export const SIMILAR_NOTES_CLASS = "lifebetter-capture-similar";

/** What the modal needs from the plugin: the context's parts, and what to do once the note exists. */
export type CaptureHost = Pick<PluginContext, "app" | "repo" | "settings"> & {
  /** Called once the note exists (remember the type, tell the user); must not throw. */
  captured(entry: CapturedEntry, input: CaptureInput): Promise<void>;
  /** The vault index, for similar past notes while typing; none = no suggestions. */
  index?: IndexAccess<MemoryQueries>;
};

export interface CaptureModalOptions {
  draft?: CaptureDraft;
  /** What was wrong with the request that opened the modal (a URI), shown above the form. */
  message?: string;
  /** Where the entry comes from: "obsidian", or "uri" when a URI could not capture directly. */
  source?: string;
}

const SCALE_LABELS: Record<Scale, string> = { mood: "Mood", energy: "Energy", stress: "Stress" };
const SCALE_START = 5;

/**
 * "Capture entry" (README: In Obsidian). Enter saves, Shift+Enter starts a new line in the text, Esc
 * cancels, Tab follows the fields in order. A refused input is shown inline and nothing is lost.
 */
export class CaptureModal extends Modal {
  /** Where similar past notes are listed while the user types (empty while there are none). */
  similarNotesEl: HTMLElement | null = null;
  /** Finds them; null when the plugin has no index to ask. */
  similar: CaptureSimilar | null = null;
  private readonly draft: CaptureDraft;
  private readonly source: string;
  private readonly message: string;
  private errorEl: HTMLElement | null = null;
  private typeFieldsEl: HTMLElement | null = null;
  private saveButton: HTMLButtonElement | null = null;
  private saving = false;

  constructor(
    private readonly host: CaptureHost,
    options: CaptureModalOptions = {},
  ) {
    super(host.app);
    const draft = options.draft ?? {};
    this.draft = { ...draft, fields: { ...draft.fields }, type: initialType(host.settings(), draft.type) };
    this.source = options.source ?? "obsidian";
    this.message = options.message ?? "";
  }

  override onOpen(): void {
    const { contentEl } = this;
    contentEl.empty();
    contentEl.addClass("lifebetter-capture");
    this.setTitle("Capture entry");

    this.errorEl = contentEl.createDiv({ cls: "lifebetter-capture-error", attr: { role: "alert" } });
    this.showError(this.message);

    const textEl = contentEl.createEl("textarea", {
      cls: "lifebetter-capture-text",
      attr: { rows: "4", "aria-label": "Entry text", placeholder: "What happened, what did you notice, what do you want to ask?" },
    });
    textEl.value = this.draft.text ?? "";
    this.similarNotesEl = contentEl.createDiv({ cls: SIMILAR_NOTES_CLASS });
    const index = this.host.index;
    this.similar = index
      ? new CaptureSimilar(
          this.app,
          this.similarNotesEl,
          () => index.availability(),
          () => this.host.settings().showPrivate,
        )
      : null;
    textEl.addEventListener("input", () => {
      this.draft.text = textEl.value;
      this.similar?.textChanged(textEl.value);
    });
    if (textEl.value !== "") this.similar?.textChanged(textEl.value);

    this.addTypeChooser(contentEl);
    this.typeFieldsEl = contentEl.createDiv({ cls: "lifebetter-capture-type-fields" });
    this.renderTypeFields();

    this.addText(
      contentEl,
      "Problem",
      "problem",
      "The problem it belongs to",
      (inputEl) => new KindNoteSuggest(this.app, inputEl, "problem", false, (value) => (this.draft.problem = value)),
    );
    this.addText(
      contentEl,
      "Meta-skills",
      "metaSkills",
      "Skills applied or discovered, separated by commas",
      (inputEl) => new KindNoteSuggest(this.app, inputEl, "meta-skill", true, (value) => (this.draft.metaSkills = value)),
    );
    this.addText(contentEl, "Tags", "tags", "Separated by commas or spaces");
    for (const scale of SCALES) this.addScale(contentEl, scale);
    this.addText(contentEl, "Context", "context", "What you were doing");
    this.addText(contentEl, "Location", "location", "A URL, a file path or a place");
    this.addText(contentEl, "Feelings", "feelings", "Words separated by commas: calm, anxious, grateful");
    this.addText(
      contentEl,
      "Reply to",
      "parent",
      "The entry this one follows up (a thread)",
      (inputEl) => new KindNoteSuggest(this.app, inputEl, "entry", false, (value) => (this.draft.parent = value)),
    );
    this.addText(
      contentEl,
      "Conversation",
      "conversation",
      "The AI conversation it came from",
      (inputEl) => new KindNoteSuggest(this.app, inputEl, "conversation", false, (value) => (this.draft.conversation = value)),
    );

    contentEl.createDiv({
      cls: "lifebetter-capture-hint",
      // A phone keyboard has no Shift+Enter: there Enter starts a new line in the text and Save saves.
      text: Platform.isMobile ? "Enter in the text starts a new line; tap save to save." : "Enter saves, Shift+Enter starts a new line, Esc cancels.",
    });
    const buttons = contentEl.createDiv({ cls: "modal-button-container" });
    this.saveButton = buttons.createEl("button", { cls: "mod-cta", text: "Save" });
    this.saveButton.addEventListener("click", () => void this.save());
    buttons.createEl("button", { text: "Cancel" }).addEventListener("click", () => this.close());

    // The modal's scope sees Enter after any open suggestion list, so picking a suggestion never saves.
    this.scope.register([], "Enter", (evt) => this.onEnter(evt));
    this.scope.register(["Mod"], "Enter", () => {
      void this.save();
      return false;
    });

    textEl.focus();
    textEl.setSelectionRange(textEl.value.length, textEl.value.length);
  }

  override onClose(): void {
    this.similar?.stop();
    this.contentEl.empty();
  }

  /** Saves the entry through the core; resolves to whether a note was created. */
  async save(): Promise<boolean> {
    if (this.saving) return false;
    this.saving = true;
    if (this.saveButton) this.saveButton.disabled = true;
    try {
      const input = draftToInput(this.draft, this.host.settings(), this.source);
      const entry = await captureEntry(this.host.repo, input, this.host.settings());
      this.close();
      await this.host.captured(entry, input);
      return true;
    } catch (error) {
      this.showError(error instanceof InvalidInputError ? error.message : `The entry could not be saved: ${errorMessage(error)}`);
      return false;
    } finally {
      this.saving = false;
      if (this.saveButton) this.saveButton.disabled = false;
    }
  }

  private onEnter(evt: KeyboardEvent): boolean {
    // Let an input method finish composing, and let Enter press a focused button (Cancel).
    const target = evt.target as HTMLElement | null;
    if (evt.isComposing || target?.tagName === "BUTTON") return true;
    if (Platform.isMobile && target?.tagName === "TEXTAREA") return true;
    void this.save();
    return false;
  }

  private showError(message: string): void {
    this.errorEl?.setText(message);
  }

  private addTypeChooser(containerEl: HTMLElement): void {
    new Setting(containerEl).setName("Type").addDropdown((dropdown) => {
      dropdown.selectEl.setAttribute("aria-label", "Type");
      for (const type of entryTypes(this.host.settings())) dropdown.addOption(type, humanize(type));
      dropdown.setValue(this.draft.type ?? "");
      dropdown.selectEl.addEventListener("change", () => {
        this.draft.type = dropdown.selectEl.value;
        this.renderTypeFields();
      });
    });
  }

  /** The fields of the chosen type; values typed for another type stay in the draft. */
  private renderTypeFields(): void {
    const containerEl = this.typeFieldsEl;
    if (!containerEl) return;
    containerEl.empty();
    const type = this.draft.type ?? "";
    for (const field of fieldsForType(type, this.host.settings())) {
      const spec = TYPE_FIELDS[type]?.find((candidate) => candidate.property === field.property)?.spec;
      const fields = (this.draft.fields ??= {});
      const label = spec ? field.label : humanize(field.label);
      const setting = new Setting(containerEl).setName(label);
      const store = (value: string): void => {
        fields[field.property] = value;
      };
      if (spec?.oneOf) {
        setting.addDropdown((dropdown) => {
          dropdown.selectEl.setAttribute("aria-label", label);
          dropdown.addOption("", "Not set");
          for (const option of spec.oneOf ?? []) dropdown.addOption(option, humanize(option));
          dropdown.setValue(fields[field.property] ?? "");
          dropdown.selectEl.addEventListener("change", () => store(dropdown.selectEl.value));
        });
      } else {
        setting.addText((text) => {
          text.inputEl.setAttribute("aria-label", label);
          text.inputEl.type = inputType(spec);
          if (spec?.min !== undefined) text.inputEl.min = String(spec.min);
          text.setValue(fields[field.property] ?? "");
          text.inputEl.addEventListener("input", () => store(text.inputEl.value));
        });
      }
    }
  }

  private addText(
    containerEl: HTMLElement,
    name: string,
    key: "problem" | "metaSkills" | "tags" | "context" | "location" | "feelings" | "parent" | "conversation",
    description: string,
    suggest?: (inputEl: HTMLInputElement) => unknown,
  ): void {
    new Setting(containerEl)
      .setName(name)
      .setDesc(description)
      .addText((text) => {
        text.inputEl.setAttribute("aria-label", name);
        text.setValue(this.draft[key] ?? "");
        text.inputEl.addEventListener("input", () => {
          this.draft[key] = text.inputEl.value;
        });
        suggest?.(text.inputEl);
      });
  }

  /** A 1–10 slider that writes nothing until the user moves it; the button takes the value back. */
  private addScale(containerEl: HTMLElement, scale: Scale): void {
    const setting = new Setting(containerEl).setName(SCALE_LABELS[scale]).setClass("lifebetter-capture-scale");
    const describe = (): void => {
      const value = this.draft[scale];
      setting.descEl.setText(value === undefined ? "Not set: move the slider to rate 1 to 10" : `${value} of 10`);
      setting.settingEl.toggleClass("is-unset", value === undefined);
    };
    setting.addSlider((slider) => {
      slider.setLimits(1, 10, 1);
      slider.sliderEl.value = String(this.draft[scale] ?? SCALE_START);
      slider.sliderEl.setAttribute("aria-label", SCALE_LABELS[scale]);
      slider.sliderEl.addEventListener("input", () => {
        this.draft[scale] = Number(slider.sliderEl.value);
        describe();
      });
    });
    setting.addExtraButton((button) =>
      button
        .setIcon("x")
        .setTooltip("Clear")
        .onClick(() => {
          this.draft[scale] = undefined;
          describe();
        }),
    );
    describe();
  }
}

function inputType(spec: PropertySpec | undefined): string {
  if (spec?.type === "number") return "number";
  if (spec?.type === "date") return "date";
  return "text";
}
