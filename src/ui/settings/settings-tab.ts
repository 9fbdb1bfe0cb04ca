import { PluginSettingTab, Setting, normalizePath, requireApiVersion, type App, type Plugin, type SettingDefinitionItem } from "obsidian";
import { MODEL_CATALOG } from "../../core/embed/model-catalog";
import { RECORD_KINDS, type RecordKind } from "../../core/schema/kinds";
import { REVIEW_SCHEDULERS, type CustomEntryType, type LifeBetterSettings, type ReviewScheduler } from "../../core/settings";
import { BACKUPS_HEADING, backupSettingRows } from "../transfer/backup-settings";
import { REFLECTIONS_HEADING, reflectionSettingRows } from "../reflection/reflection-settings";
import { customTypeProblem, parseFieldList } from "./custom-type-rules";
import { SIMILAR_SETTINGS_HEADING, similarSettingRows } from "../index/similar-settings";
import { embeddingSettingRows } from "../index/embedding-settings";
import { HOME_HEADING, homeSettingRows } from "../home/home-settings";
import { parseActivityTypesText } from "../../core/problems/session-activity";

/** What the tab reads and writes: the plugin's live settings and a way to persist them. */
export interface SettingsHost extends Plugin {
  settings: LifeBetterSettings;
  saveSettings(): Promise<void>;
  /** Why saved reflection prompts were ignored on load, for the prompts setting to show. */
  ignoredPrompts?: string[];
}

const FOLDER_LABELS: Record<RecordKind, string> = {
  entry: "Entries folder",
  problem: "Problems folder",
  "meta-skill": "Meta-skills folder",
  reflection: "Reflections folder",
  pattern: "Patterns folder",
  conversation: "Conversations folder",
};

const TYPES_HEADING = "Custom entry types";
const TYPES_DESC =
  "Your own entry types besides question, insight, attempt and the others. Fields are extra properties the capture form asks for, separated by commas.";
const EXCLUDED_NAME = "Folders to leave out";
const EXCLUDED_DESC = "One folder per line. Notes in them are not checked, indexed or suggested.";
const INDEX_HEADING = "Search index";
const WORKERS_NAME = "Index workers";
const WORKERS_DESC =
  "How many workers read notes and compute meaning at once while notes are first indexed: more use more cores and memory (each embedding worker holds the model). 0 = automatic (one per spare core, at most 4; 1 on mobile). Applies when the index next starts.";
const PROBLEMS_HEADING = "Problems";
const STALE_NAME = "Stale after (days)";
const STALE_DESC = "An open problem without a work session for this many days is marked stale on the problems dashboard.";
const ACTIVITY_TYPES_NAME = "Work session activity types";
const ACTIVITY_TYPES_DESC = "Your own types, separated by commas, offered after coding, reading, writing, meeting, research and planning.";
const SEMANTIC_NAME = "Search by meaning";
const SEMANTIC_DESC =
  "Find notes by meaning, not only by their words, with a small model that runs on this device. Off: full-text search only, and no model is downloaded. Applies the next time LifeBetter starts.";
const MODEL_CHOICE_NAME = "Embedding model";
const MODEL_CHOICE_DESC =
  "Which model finds notes by meaning. The multilingual ones also match notes and questions in other languages (and across them); they are larger. Downloaded once. Changing it computes every note's vectors again, once, with progress in the status bar. Applies the next time LifeBetter starts.";
const MODEL_NAME = "Embedding model folder";
const MODEL_DESC =
  "Leave empty to download the model chosen above once. Or a folder in this vault holding config.json, tokenizer.json, tokenizer_config.json and onnx/model_quantized.onnx, for use offline. Applies the next time LifeBetter starts.";

const REVIEW_HEADING = "Meta-skill review";
const SCHEDULER_NAME = "Scheduler";
const SCHEDULER_DESC =
  "How the next review date is chosen. SM-2 is the classic algorithm; FSRS adapts to how well you remember and adds its own properties to each skill.";
const SCHEDULER_LABELS: Record<ReviewScheduler, string> = { sm2: "SM-2", fsrs: "FSRS" };
const REVIEWS_NAME = "Reviews per day";
const REVIEWS_DESC = "Meta-skill reviews a day, new ones included. Due decisions are always shown.";
const NEW_NAME = "New skills per day";
const NEW_DESC = "Skills never reviewed that may come in each day, within the reviews per day.";

/** A custom type row as typed: the field list stays raw text so typing "a, " is not tidied away. */
interface TypeRow {
  name: string;
  fieldsText: string;
  errorEl?: HTMLElement;
}

/**
 * Settings: folder per kind, custom entry types, excluded folders, the search index. Obsidian 1.13+ renders the
 * declarative definitions (searchable in settings); older versions call display(). Both build their
 * rows with the same functions.
 */
export class LifeBetterSettingTab extends PluginSettingTab {
  // Rows live while the tab is open, so a half-typed (not yet valid) type is not lost on re-render.
  private rows: TypeRow[] | null = null;

  constructor(
    app: App,
    private readonly host: SettingsHost,
  ) {
    super(app, host);
  }

  override getSettingDefinitions(): SettingDefinitionItem[] {
    const rows = this.typeRows();
    // Only Obsidian 1.13+ asks for definitions, so update() exists whenever this runs.
    const rerender = (): void => {
      if (requireApiVersion("1.13.0")) this.update();
    };
    return [
      {
        type: "group",
        heading: "Folders",
        items: RECORD_KINDS.map((kind) => ({ name: FOLDER_LABELS[kind], render: (setting: Setting) => this.folderControl(setting, kind) })),
      },
      {
        type: "list",
        heading: TYPES_HEADING,
        cls: "lifebetter-custom-types",
        emptyState: TYPES_DESC,
        addItem: { name: "Add entry type", action: () => this.addRow(rerender) },
        onDelete: (index: number) => this.removeRow(index, rerender),
        items: rows.map((row, index) => ({
          name: row.name === "" ? "New entry type" : row.name,
          render: (setting: Setting) => this.typeControls(setting, row, index),
        })),
      },
      {
        type: "group",
        heading: "Excluded folders",
        items: [{ name: EXCLUDED_NAME, desc: EXCLUDED_DESC, render: (setting: Setting) => this.excludedControl(setting) }],
      },
      {
        type: "group",
        heading: INDEX_HEADING,
        items: [
          { name: SEMANTIC_NAME, desc: SEMANTIC_DESC, render: (setting: Setting) => this.semanticControl(setting) },
          { name: MODEL_CHOICE_NAME, desc: MODEL_CHOICE_DESC, render: (setting: Setting) => this.modelChoiceControl(setting) },
          { name: MODEL_NAME, desc: MODEL_DESC, render: (setting: Setting) => this.modelControl(setting) },
          { name: WORKERS_NAME, desc: WORKERS_DESC, render: (setting: Setting) => this.limitControl(setting, "embeddingWorkers", WORKERS_NAME, WORKERS_DESC) },
          ...embeddingSettingRows(this.host),
        ],
      },
      { type: "group", heading: SIMILAR_SETTINGS_HEADING, items: similarSettingRows(this.host) },
      {
        type: "group",
        heading: PROBLEMS_HEADING,
        items: [
          { name: STALE_NAME, desc: STALE_DESC, render: (setting: Setting) => this.limitControl(setting, "staleDays", STALE_NAME, STALE_DESC, 1) },
          { name: ACTIVITY_TYPES_NAME, desc: ACTIVITY_TYPES_DESC, render: (setting: Setting) => this.activityTypesControl(setting) },
        ],
      },
      {
        type: "group",
        heading: REVIEW_HEADING,
        items: [
          { name: SCHEDULER_NAME, desc: SCHEDULER_DESC, render: (setting: Setting) => this.schedulerControl(setting) },
          { name: REVIEWS_NAME, desc: REVIEWS_DESC, render: (setting: Setting) => this.limitControl(setting, "reviewsPerDay", REVIEWS_NAME, REVIEWS_DESC) },
          { name: NEW_NAME, desc: NEW_DESC, render: (setting: Setting) => this.limitControl(setting, "newSkillsPerDay", NEW_NAME, NEW_DESC) },
        ],
      },
      { type: "group", heading: REFLECTIONS_HEADING, items: reflectionSettingRows(this.host) },
      { type: "group", heading: BACKUPS_HEADING, items: backupSettingRows(this.host) },
      { type: "group", heading: HOME_HEADING, items: homeSettingRows(this.host) },
    ];
  }

  /** Before Obsidian 1.13 (and as its fallback): the same rows, built by hand. */
  override display(): void {
    this.render();
  }

  override hide(): void {
    this.rows = null;
    super.hide();
  }

  private render(): void {
    const { containerEl } = this;
    containerEl.empty();
    containerEl.addClass("lifebetter-settings");

    new Setting(containerEl).setName("Folders").setHeading();
    for (const kind of RECORD_KINDS) this.folderControl(new Setting(containerEl).setName(FOLDER_LABELS[kind]), kind);

    new Setting(containerEl).setName(TYPES_HEADING).setDesc(TYPES_DESC).setHeading();
    this.typeRows().forEach((row, index) => {
      const setting = new Setting(containerEl);
      this.typeControls(setting, row, index);
      setting.addExtraButton((button) =>
        button
          .setIcon("trash")
          .setTooltip("Remove this type")
          .onClick(() => this.removeRow(index, () => this.render())),
      );
    });
    this.validRows(); // show what is wrong with rows kept from before
    new Setting(containerEl).addButton((button) => button.setButtonText("Add entry type").onClick(() => this.addRow(() => this.render())));

    new Setting(containerEl).setName("Excluded folders").setHeading();
    this.excludedControl(new Setting(containerEl).setName(EXCLUDED_NAME).setDesc(EXCLUDED_DESC));

    new Setting(containerEl).setName(INDEX_HEADING).setHeading();
    this.semanticControl(new Setting(containerEl).setName(SEMANTIC_NAME).setDesc(SEMANTIC_DESC));
    this.modelChoiceControl(new Setting(containerEl).setName(MODEL_CHOICE_NAME).setDesc(MODEL_CHOICE_DESC));
    this.modelControl(new Setting(containerEl).setName(MODEL_NAME).setDesc(MODEL_DESC));
    this.limitControl(new Setting(containerEl).setName(WORKERS_NAME).setDesc(WORKERS_DESC), "embeddingWorkers", WORKERS_NAME, WORKERS_DESC);
    for (const row of embeddingSettingRows(this.host)) row.render(new Setting(containerEl).setName(row.name).setDesc(row.desc));

    new Setting(containerEl).setName(REFLECTIONS_HEADING).setHeading();
    for (const row of reflectionSettingRows(this.host)) row.render(new Setting(containerEl).setName(row.name).setDesc(row.desc));

    new Setting(containerEl).setName(BACKUPS_HEADING).setHeading();
    for (const row of backupSettingRows(this.host)) row.render(new Setting(containerEl).setName(row.name).setDesc(row.desc));

    new Setting(containerEl).setName(SIMILAR_SETTINGS_HEADING).setHeading();
    for (const row of similarSettingRows(this.host)) row.render(new Setting(containerEl).setName(row.name).setDesc(row.desc));
    new Setting(containerEl).setName(PROBLEMS_HEADING).setHeading();
    this.limitControl(new Setting(containerEl).setName(STALE_NAME).setDesc(STALE_DESC), "staleDays", STALE_NAME, STALE_DESC, 1);
    this.activityTypesControl(new Setting(containerEl).setName(ACTIVITY_TYPES_NAME).setDesc(ACTIVITY_TYPES_DESC));

    new Setting(containerEl).setName(REVIEW_HEADING).setHeading();
    this.schedulerControl(new Setting(containerEl).setName(SCHEDULER_NAME).setDesc(SCHEDULER_DESC));
    this.limitControl(new Setting(containerEl).setName(REVIEWS_NAME).setDesc(REVIEWS_DESC), "reviewsPerDay", REVIEWS_NAME, REVIEWS_DESC);
    this.limitControl(new Setting(containerEl).setName(NEW_NAME).setDesc(NEW_DESC), "newSkillsPerDay", NEW_NAME, NEW_DESC);

    new Setting(containerEl).setName(HOME_HEADING).setHeading();
    for (const row of homeSettingRows(this.host)) row.render(new Setting(containerEl).setName(row.name).setDesc(row.desc));
  }

  private schedulerControl(setting: Setting): void {
    setting.addDropdown((dropdown) => {
      dropdown.selectEl.setAttribute("aria-label", SCHEDULER_NAME);
      for (const scheduler of REVIEW_SCHEDULERS) dropdown.addOption(scheduler, SCHEDULER_LABELS[scheduler]);
      dropdown.setValue(this.host.settings.scheduler);
      dropdown.selectEl.addEventListener("change", () => {
        const value = REVIEW_SCHEDULERS.find((scheduler) => scheduler === dropdown.selectEl.value);
        if (!value) return;
        this.host.settings.scheduler = value;
        void this.host.saveSettings();
      });
    });
  }

  /** A whole number from `min` (daily limits, stale days); anything else is shown as a problem and not saved. */
  private limitControl(
    setting: Setting,
    key: "reviewsPerDay" | "newSkillsPerDay" | "staleDays" | "embeddingWorkers",
    name: string,
    desc: string,
    min = 0,
  ): void {
    setting.addText((text) => {
      text.inputEl.type = "number";
      text.inputEl.min = String(min);
      text.inputEl.setAttribute("aria-label", name);
      text.setValue(String(this.host.settings[key]));
      text.inputEl.addEventListener("input", () => {
        const raw = text.inputEl.value.trim();
        const value = Number(raw);
        const valid = raw !== "" && Number.isInteger(value) && value >= min;
        setting.descEl.setText(valid ? desc : `Enter a whole number, ${min} or more.`);
        setting.settingEl.toggleClass("lifebetter-invalid", !valid);
        if (!valid) return;
        this.host.settings[key] = value;
        void this.host.saveSettings();
      });
    });
  }

  private typeRows(): TypeRow[] {
    this.rows ??= this.host.settings.customEntryTypes.map((type) => ({ name: type.name, fieldsText: type.fields.join(", ") }));
    return this.rows;
  }

  private addRow(rerender: () => void): void {
    this.typeRows().push({ name: "", fieldsText: "" });
    rerender();
  }

  private removeRow(index: number, rerender: () => void): void {
    this.typeRows().splice(index, 1);
    void this.commitTypes();
    rerender();
  }

  private folderControl(setting: Setting, kind: RecordKind): void {
    const describe = (problem?: string): void => {
      setting.descEl.setText(problem ?? "");
      setting.settingEl.toggleClass("lifebetter-invalid", problem !== undefined);
    };
    setting.addText((text) => {
      text.inputEl.setAttribute("aria-label", FOLDER_LABELS[kind]);
      text.setValue(this.host.settings.folders[kind]);
      text.inputEl.addEventListener("input", () => {
        const folder = normalizePath(text.inputEl.value.trim());
        if (folder === "" || folder === "/") {
          describe("Choose a folder; the vault root is not used for records.");
          return;
        }
        describe();
        this.host.settings.folders[kind] = folder;
        void this.host.saveSettings();
      });
    });
  }

  private typeControls(setting: Setting, row: TypeRow, index: number): void {
    setting.setClass("lifebetter-custom-type");
    row.errorEl = setting.descEl.createDiv({ cls: "lifebetter-setting-error", attr: { role: "alert" } });
    setting.addText((text) => {
      text.inputEl.setAttribute("aria-label", "Type name");
      text.setPlaceholder("Name, such as experiment");
      text.setValue(row.name);
      text.inputEl.addEventListener("input", () => {
        row.name = text.inputEl.value.trim();
        void this.commitTypes();
      });
    });
    setting.addText((text) => {
      text.inputEl.setAttribute("aria-label", "Type fields");
      text.setPlaceholder("Fields, such as hypothesis, result");
      text.setValue(row.fieldsText);
      text.inputEl.addEventListener("input", () => {
        row.fieldsText = text.inputEl.value;
        void this.commitTypes();
      });
    });
    // Judged against the rows above it, as commitTypes does.
    const before = this.typeRows().slice(0, index);
    this.showProblem(row, before);
  }

  /** Custom work-session activity types, comma-separated; a name that cannot be a type is said, not saved. */
  private activityTypesControl(setting: Setting): void {
    setting.addText((text) => {
      text.inputEl.setAttribute("aria-label", ACTIVITY_TYPES_NAME);
      text.setPlaceholder("For example: pairing, reviews");
      text.setValue(this.host.settings.customActivityTypes.join(", "));
      text.inputEl.addEventListener("input", () => {
        const { types, invalid } = parseActivityTypesText(text.inputEl.value);
        setting.descEl.setText(
          invalid.length > 0
            ? `Not saved: ${invalid.map((name) => `"${name}"`).join(", ")} (use lowercase letters, digits and -, starting with a letter).`
            : ACTIVITY_TYPES_DESC,
        );
        this.host.settings.customActivityTypes = types;
        void this.host.saveSettings();
      });
    });
  }

  private excludedControl(setting: Setting): void {
    setting.addTextArea((text) => {
      text.inputEl.rows = 4;
      text.inputEl.setAttribute("aria-label", "Excluded folders");
      text.setValue(this.host.settings.excludedFolders.join("\n"));
      text.inputEl.addEventListener("input", () => {
        this.host.settings.excludedFolders = text.inputEl.value
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter((line) => line !== "")
          .map((line) => normalizePath(line));
        void this.host.saveSettings();
      });
    });
  }

  private semanticControl(setting: Setting): void {
    setting.addToggle((toggle) => {
      toggle.toggleEl.setAttribute("aria-label", SEMANTIC_NAME);
      toggle.setValue(this.host.settings.semanticIndex);
      toggle.onChange((on) => {
        this.host.settings.semanticIndex = on;
        void this.host.saveSettings();
      });
    });
  }

  private modelChoiceControl(setting: Setting): void {
    setting.addDropdown((dropdown) => {
      dropdown.selectEl.setAttribute("aria-label", MODEL_CHOICE_NAME);
      for (const model of MODEL_CATALOG) dropdown.addOption(model.id, `${model.label} · ${model.languages} · about ${model.approxMegabytes} MB`);
      dropdown.setValue(this.host.settings.embeddingModelId);
      dropdown.onChange((id) => {
        this.host.settings.embeddingModelId = id;
        void this.host.saveSettings();
      });
    });
  }

  private modelControl(setting: Setting): void {
    setting.addText((text) => {
      text.inputEl.setAttribute("aria-label", MODEL_NAME);
      text.setPlaceholder("Default model");
      text.setValue(this.host.settings.embeddingModel);
      text.inputEl.addEventListener("input", () => {
        const folder = text.inputEl.value.trim();
        this.host.settings.embeddingModel = folder === "" ? "" : normalizePath(folder);
        void this.host.saveSettings();
      });
    });
  }

  private showProblem(row: TypeRow, before: readonly TypeRow[]): void {
    const valid: CustomEntryType[] = [];
    for (const other of before) {
      const type = { name: other.name, fields: parseFieldList(other.fieldsText) };
      if (customTypeProblem(type, valid) === null) valid.push(type);
    }
    const type = { name: row.name, fields: parseFieldList(row.fieldsText) };
    // A row just added is empty on purpose: no error until the user types in it.
    const problem = row.name === "" && type.fields.length === 0 ? "" : customTypeProblem(type, valid);
    row.errorEl?.setText(problem ?? "");
  }

  /** The rows that can be saved, each judged against the valid ones before it; errors go on the rows. */
  private validRows(): CustomEntryType[] {
    const valid: CustomEntryType[] = [];
    for (const row of this.typeRows()) {
      const type = { name: row.name, fields: parseFieldList(row.fieldsText) };
      const problem = row.name === "" && type.fields.length === 0 ? "" : customTypeProblem(type, valid);
      row.errorEl?.setText(problem ?? "");
      if (problem === null) valid.push(type);
    }
    return valid;
  }

  /** Saves the rows that are valid; the others keep their text and show what to change. */
  private async commitTypes(): Promise<void> {
    this.host.settings.customEntryTypes = this.validRows();
    await this.host.saveSettings();
  }
}
