import { Modal, Notice, Setting } from "obsidian";
import { obsidianTrash } from "../../adapters/obsidian/obsidian-trash";
import { RECORD_KINDS, type RecordKind } from "../../core/schema/kinds";
import { selectRecords } from "../../core/transfer/select-records";
import { loadRecords, type VaultRecord } from "../../core/vault/records";
import { trashAll } from "../../core/vault/trash";
import { confirmAction } from "../common/confirm-modal";
import { onInput } from "./export-modal";
import { humanize } from "../common/labels";
import type { VaultContext } from "../plugin-context";

type Selection = { kind: RecordKind } | { tag: string };

/** "Delete all records of a kind or tag": choose, see how many, confirm, then they go to the trash. */
export class DeleteRecordsModal extends Modal {
  private selection: Selection = { kind: "entry" };
  private records: VaultRecord[] = [];
  private countEl!: HTMLElement;
  /** Settles when the count is shown / the deletion is done (tests wait on them). */
  counted: Promise<void> = Promise.resolve();
  deleted: Promise<void> = Promise.resolve();

  constructor(private readonly host: VaultContext) {
    super(host.app);
  }

  override onOpen(): void {
    this.setTitle("Delete records");
    const el = this.contentEl;
    el.addClass("lifebetter-delete");
    el.createEl("p", { text: "Moves every record of one kind, or with one tag, to the trash. Other notes are never touched." });
    new Setting(el).setName("Kind").addDropdown((dropdown) => {
      dropdown.addOption("", "Choose by tag instead");
      for (const kind of RECORD_KINDS) dropdown.addOption(kind, humanize(kind));
      dropdown.setValue("entry");
      dropdown.selectEl.addEventListener("change", () => {
        const kind = RECORD_KINDS.find((candidate) => candidate === dropdown.selectEl.value);
        if (kind) this.choose({ kind });
      });
      dropdown.selectEl.setAttr("aria-label", "Kind");
    });
    new Setting(el)
      .setName("Tag")
      .setDesc("Records with this tag (and its nested tags).")
      .addText((text) => {
        text.inputEl.setAttr("aria-label", "Tag");
        text.setPlaceholder("Tag name");
        onInput(text.inputEl, (value) => this.choose({ tag: value }));
      });
    this.countEl = el.createEl("p", { cls: "lifebetter-delete-count", attr: { role: "status" } });
    new Setting(el)
      .addButton((button) => button.setButtonText("Cancel").onClick(() => this.close()))
      .addButton((button) =>
        button
          .setButtonText("Move to trash…")
          .setWarning()
          .onClick(() => (this.deleted = this.confirmAndDelete())),
      );
    this.choose(this.selection);
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private choose(selection: Selection): void {
    this.selection = selection;
    this.counted = this.count();
  }

  private describe(): string {
    return "kind" in this.selection
      ? `${humanize(this.selection.kind).toLowerCase()} records`
      : `records tagged #${this.selection.tag.trim().replace(/^#/, "")}`;
  }

  private async count(): Promise<void> {
    const selection = this.selection;
    const { records } = await loadRecords(this.host.repo, this.host.settings());
    if (selection !== this.selection) return; // the user changed the choice meanwhile
    this.records = selectRecords(records, selection);
    this.countEl.setText(`${this.records.length} ${this.describe()} found.`);
  }

  private async confirmAndDelete(): Promise<void> {
    await this.counted;
    if (this.records.length === 0) {
      this.countEl.setText(`No ${this.describe()} to delete.`);
      return;
    }
    const records = this.records;
    const confirmed = await confirmAction(this.app, {
      title: "Move to trash?",
      message: `This moves ${records.length} ${this.describe()} to the trash. You can get them back from the trash, not from LifeBetter.`,
      confirmText: `Move ${records.length} to trash`,
      warning: true,
    });
    if (!confirmed) return;
    const { moved, failed } = await trashAll(
      obsidianTrash(this.app),
      records.map((record) => record.path),
    );
    const why = failed.map(({ path, message }) => `${path}: ${message}`).join("; ");
    new Notice(`Moved ${moved.length} ${this.describe()} to the trash.${failed.length ? ` ${failed.length} could not be moved: ${why}` : ""}`);
    this.close();
  }
}
