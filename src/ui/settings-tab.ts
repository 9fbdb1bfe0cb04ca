import { PluginSettingTab, Setting, normalizePath, type App, type Plugin } from "obsidian";
import { RECORD_KINDS, type RecordKind } from "../core/schema/kinds";
import type { CustomEntryType, LifeBetterSettings } from "../core/settings";
import { customTypeProblem, parseFieldList } from "./custom-type-rules";

/** What the tab reads and writes: the plugin's live settings and a way to persist them. */
export interface SettingsHost extends Plugin {
  settings: LifeBetterSettings;
  saveSettings(): Promise<void>;
}

const FOLDER_LABELS: Record<RecordKind, string> = {
  entry: "Entries folder",
  problem: "Problems folder",
  "meta-skill": "Meta-skills folder",
  reflection: "Reflections folder",
  pattern: "Patterns folder",
  conversation: "Conversations folder",
};

/** A custom type row as typed: the field list stays raw text so typing "a, " is not tidied away. */
interface TypeRow {
  name: string;
  fieldsText: string;
  errorEl?: HTMLElement;
}

export class LifeBetterSettingTab extends PluginSettingTab {
  // Rows live while the tab is open, so a half-typed (not yet valid) type is not lost on re-render.
  private rows: TypeRow[] | null = null;

  constructor(
    app: App,
    private readonly host: SettingsHost,
  ) {
    super(app, host);
  }

  override display(): void {
    this.render();
  }

  private render(): void {
    const { containerEl } = this;
    containerEl.empty();
    containerEl.addClass("lifebetter-settings");
    this.rows ??= this.host.settings.customEntryTypes.map((type) => ({ name: type.name, fieldsText: type.fields.join(", ") }));

    new Setting(containerEl).setName("Folders").setHeading();
    for (const kind of RECORD_KINDS) this.addFolder(containerEl, kind);

    new Setting(containerEl)
      .setName("Custom entry types")
      .setDesc("Your own entry types besides question, insight, attempt and the others. Fields are extra properties the capture form asks for, separated by commas.")
      .setHeading();
    this.rows.forEach((row, index) => this.addTypeRow(containerEl, row, index));
    this.validRows(); // show what is wrong with rows kept from before
    new Setting(containerEl).addButton((button) =>
      button.setButtonText("Add entry type").onClick(() => {
        this.rows?.push({ name: "", fieldsText: "" });
        this.render();
      }),
    );

    new Setting(containerEl).setName("Excluded folders").setHeading();
    new Setting(containerEl)
      .setName("Folders to leave out")
      .setDesc("One folder per line. Notes in them are not checked, indexed or suggested.")
      .addTextArea((text) => {
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

  override hide(): void {
    this.rows = null;
    super.hide();
  }

  private addFolder(containerEl: HTMLElement, kind: RecordKind): void {
    const setting = new Setting(containerEl).setName(FOLDER_LABELS[kind]);
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

  private addTypeRow(containerEl: HTMLElement, row: TypeRow, index: number): void {
    const setting = new Setting(containerEl).setClass("lifebetter-custom-type");
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
    setting.addExtraButton((button) =>
      button
        .setIcon("trash")
        .setTooltip("Remove this type")
        .onClick(() => {
          this.rows?.splice(index, 1);
          void this.commitTypes();
          this.render();
        }),
    );
  }

  /** The rows that can be saved, each judged against the valid ones before it; errors go on the rows. */
  private validRows(): CustomEntryType[] {
    const valid: CustomEntryType[] = [];
    for (const row of this.rows ?? []) {
      const type = { name: row.name, fields: parseFieldList(row.fieldsText) };
      // A row just added is empty on purpose: no error until the user types in it.
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
