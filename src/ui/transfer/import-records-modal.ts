import { FuzzySuggestModal, Modal, Notice, Setting, TFile, type App } from "obsidian";
import { errorMessage } from "../../core/errors";
import { importRecords, type ImportAction, type ImportReport } from "../../core/transfer/import-records";
import { pickFile } from "../common/pick-file";
import type { VaultContext } from "../plugin-context";

/** A records file to import: its name for the user and a way to read it. */
export interface ImportSource {
  label: string;
  read(): Promise<string>;
}

const SHOWN_ACTIONS = 200;

export function importCounts(report: ImportReport): string {
  const { create, update, skip, error } = report.counts;
  const verbs = report.dryRun ? ["will be created", "will be updated", "will be skipped"] : ["created", "updated", "skipped"];
  return `${create} ${verbs[0]}, ${update} ${verbs[1]}, ${skip} ${verbs[2]}, ${error} ${error === 1 ? "error" : "errors"}.`;
}

function actionLine(action: ImportAction): string {
  switch (action.action) {
    case "create":
      return action.requestedPath ? `New: ${action.path} (“${action.requestedPath}” is another note)` : `New: ${action.path}`;
    case "update":
      return `Update: ${action.path}`;
    case "skip":
      return `Skip: ${action.path} — ${action.reason}`;
    case "error":
      return action.reason;
  }
}

/** Shows what an import would do (a dry run), then applies it when the user agrees. */
export class ImportRecordsModal extends Modal {
  /** Settles when the dry run, and then the import, are done (tests wait on it). */
  ready: Promise<void> = Promise.resolve();
  applied: Promise<void> = Promise.resolve();
  private text = "";

  constructor(
    private readonly host: VaultContext,
    private readonly source: ImportSource,
  ) {
    super(host.app);
  }

  override onOpen(): void {
    this.setTitle("Import records");
    this.contentEl.addClass("lifebetter-import");
    this.contentEl.createEl("p", { text: `Checking ${this.source.label}…` });
    this.ready = this.preview();
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private async preview(): Promise<void> {
    let report: ImportReport;
    try {
      this.text = await this.source.read();
      report = await importRecords(this.host.repo, this.host.settings(), this.text, { dryRun: true });
    } catch (error) {
      this.showReport(null, errorMessage(error));
      return;
    }
    this.showReport(report, null);
  }

  private showReport(report: ImportReport | null, problem: string | null): void {
    const el = this.contentEl;
    el.empty();
    if (!report) {
      el.createEl("p", { cls: "lifebetter-import-error", text: problem ?? "" });
      new Setting(el).addButton((button) => button.setButtonText("Close").onClick(() => this.close()));
      return;
    }
    el.createEl("p", { cls: "lifebetter-import-counts", text: `${this.source.label}: ${importCounts(report)}` });
    const list = el.createEl("ul", { cls: "lifebetter-import-actions" });
    for (const action of report.actions.slice(0, SHOWN_ACTIONS)) list.createEl("li", { cls: `is-${action.action}`, text: actionLine(action) });
    if (report.actions.length > SHOWN_ACTIONS) el.createEl("p", { text: `…and ${report.actions.length - SHOWN_ACTIONS} more.` });
    const buttons = new Setting(el).addButton((button) => button.setButtonText(report.dryRun ? "Cancel" : "Close").onClick(() => this.close()));
    if (report.dryRun) {
      const writes = report.counts.create + report.counts.update;
      buttons.addButton((button) =>
        button
          .setButtonText(writes === 0 ? "Nothing to import" : `Import ${writes} ${writes === 1 ? "record" : "records"}`)
          .setCta()
          .setDisabled(writes === 0)
          .onClick(() => (this.applied = this.apply())),
      );
    }
  }

  private async apply(): Promise<void> {
    try {
      const report = await importRecords(this.host.repo, this.host.settings(), this.text);
      this.showReport(report, null);
      new Notice(`Import finished: ${importCounts(report)}`);
    } catch (error) {
      this.showReport(null, `The import stopped: ${errorMessage(error)}`);
    }
  }
}

/** A file in the vault, or the device's file picker. */
type SourceChoice = { kind: "device" } | { kind: "vault"; file: TFile };

/** Lists the JSON files of the vault (newest first) and "a file from this device". */
export class ImportSourceModal extends FuzzySuggestModal<SourceChoice> {
  constructor(
    app: App,
    private readonly files: TFile[],
    private readonly chosen: (source: ImportSource) => void,
    private readonly allowDevice: boolean,
  ) {
    super(app);
    this.setPlaceholder(allowDevice ? "Choose a LifeBetter export to import" : "Choose a backup to restore");
  }

  getItems(): SourceChoice[] {
    const vault = [...this.files].sort((a, b) => b.stat.mtime - a.stat.mtime).map((file) => ({ kind: "vault" as const, file }));
    return this.allowDevice ? [{ kind: "device" }, ...vault] : vault;
  }

  getItemText(item: SourceChoice): string {
    return item.kind === "device" ? "Choose a file from this device…" : item.file.path;
  }

  onChooseItem(item: SourceChoice): void {
    if (item.kind === "vault") {
      this.chosen({ label: item.file.path, read: () => this.app.vault.read(item.file) });
      return;
    }
    void pickFile(".json,application/json").then((file) => {
      if (file) this.chosen({ label: file.name, read: () => file.text() });
    });
  }
}
