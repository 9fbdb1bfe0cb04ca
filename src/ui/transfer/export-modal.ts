import { Modal, Notice, Setting } from "obsidian";
import { format, isValid, parseISO } from "date-fns";
import { errorMessage } from "../../core/errors";
import { RECORD_KINDS, type RecordKind } from "../../core/schema/kinds";
import { exportRecords, exportText, type ExportOptions, type ExportResult } from "../../core/transfer/export-records";
import { joinVaultPath } from "../../core/vault/paths";
import { humanize } from "../common/labels";
import type { VaultContext } from "../plugin-context";

/** What the user chose in the form. */
export interface ExportChoice {
  kinds: Set<RecordKind>;
  since: string;
  until: string;
  includePrivate: boolean;
  folder: string;
}

export const DEFAULT_EXPORT_FOLDER = "LifeBetter/Exports";

/** The form's choice as export options, or the problem to show (a date the user mistyped). */
export function exportOptions(choice: ExportChoice): ExportOptions | string {
  const date = (label: string, value: string): Date | undefined | string => {
    if (value.trim() === "") return undefined;
    const parsed = parseISO(value.trim());
    return isValid(parsed) ? parsed : `${label} "${value}" is not a date: use YYYY-MM-DD.`;
  };
  const since = date("From", choice.since);
  const until = date("Until", choice.until);
  if (typeof since === "string") return since;
  if (typeof until === "string") return until;
  if (choice.kinds.size === 0) return "Choose at least one kind of record.";
  return { kinds: [...choice.kinds], since, until, includePrivate: choice.includePrivate };
}

export function exportSummary(result: ExportResult, where: string): string {
  const privateNote = result.privateLeftOut > 0 ? ` ${result.privateLeftOut} private left out.` : "";
  const skipped = result.skipped.length > 0 ? ` ${result.skipped.length} without an id skipped (run "Check vault" to give them one).` : "";
  return `Exported ${result.file.records.length} records ${where}.${privateNote}${skipped}`;
}

/** Follows what the user types (the field's own "input" event, as every LifeBetter form does). */
export function onInput(input: HTMLInputElement, change: (value: string) => void): void {
  input.addEventListener("input", () => change(input.value));
}

/** Builds the export form; `run` is called with where to put the file. */
export function buildExportForm(
  container: HTMLElement,
  choice: ExportChoice,
  run: (target: "vault" | "download") => void,
): { showMessage(text: string): void } {
  container.addClass("lifebetter-export");
  new Setting(container).setName("Kinds").setDesc("Which records to export.").setHeading();
  const kinds = container.createDiv({ cls: "lifebetter-export-kinds" });
  for (const kind of RECORD_KINDS) {
    new Setting(kinds).setName(humanize(kind)).addToggle((toggle) =>
      toggle.setValue(choice.kinds.has(kind)).onChange((on) => {
        if (on) choice.kinds.add(kind);
        else choice.kinds.delete(kind);
      }),
    );
  }
  const dateField = (name: "From" | "Until", desc: string, key: "since" | "until"): void => {
    new Setting(container)
      .setName(name)
      .setDesc(desc)
      .addText((text) => {
        text.inputEl.type = "date";
        text.inputEl.setAttr("aria-label", name);
        text.setValue(choice[key]);
        onInput(text.inputEl, (value) => (choice[key] = value));
      });
  };
  dateField("From", "Records dated on or after this day. Empty: from the start.", "since");
  dateField("Until", "Records dated before this day. Empty: up to now.", "until");
  new Setting(container)
    .setName("Include private records")
    .setDesc("Private records are left out unless you turn this on.")
    .addToggle((toggle) => toggle.setValue(choice.includePrivate).onChange((on) => (choice.includePrivate = on)));
  new Setting(container)
    .setName("Folder in this vault")
    .setDesc("Where the file goes when you save it in the vault.")
    .addText((text) => {
      text.inputEl.setAttr("aria-label", "Export folder");
      text.setValue(choice.folder);
      onInput(text.inputEl, (value) => (choice.folder = value));
    });
  const message = container.createDiv({ cls: "lifebetter-export-message", attr: { role: "status" } });
  new Setting(container)
    .addButton((button) => button.setButtonText("Download").onClick(() => run("download")))
    .addButton((button) =>
      button
        .setButtonText("Save in vault")
        .setCta()
        .onClick(() => run("vault")),
    );
  return { showMessage: (text) => message.setText(text) };
}

/** "Export records": kinds, date range, private or not; into a vault folder or downloaded. */
export class ExportModal extends Modal {
  readonly choice: ExportChoice = { kinds: new Set(RECORD_KINDS), since: "", until: "", includePrivate: false, folder: DEFAULT_EXPORT_FOLDER };
  private form: { showMessage(text: string): void } | null = null;
  /** Settles when the last export finished (tests wait on it). */
  done: Promise<void> = Promise.resolve();

  constructor(private readonly host: VaultContext) {
    super(host.app);
  }

  override onOpen(): void {
    this.setTitle("Export records");
    this.form = buildExportForm(this.contentEl, this.choice, (target) => {
      this.done = this.run(target);
    });
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private async run(target: "vault" | "download"): Promise<void> {
    const options = exportOptions(this.choice);
    if (typeof options === "string") {
      this.form?.showMessage(options);
      return;
    }
    try {
      const result = await exportRecords(this.host.repo, this.host.settings(), options);
      const text = exportText(result.file);
      const name = `LifeBetter export ${format(new Date(), "yyyy-MM-dd HHmmss")}.json`;
      if (target === "download") {
        downloadText(name, text);
        new Notice(exportSummary(result, `to ${name}`));
      } else {
        const path = joinVaultPath(this.choice.folder.trim() || DEFAULT_EXPORT_FOLDER, name);
        await this.host.repo.create(path, text);
        new Notice(exportSummary(result, `to ${path}`));
      }
      this.close();
    } catch (error) {
      this.form?.showMessage(`The export failed: ${errorMessage(error)}`);
    }
  }
}

/** Offers text as a file download (the browser's own download, on desktop and mobile). */
export function downloadText(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  // On body: Obsidian's createEl appends to the node it is called on, and a document takes no second element.
  const link = activeDocument.body.createEl("a", { attr: { href: url, download: name }, cls: "lifebetter-hidden-input" });
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
