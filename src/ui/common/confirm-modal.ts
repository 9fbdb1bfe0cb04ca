import { Modal, Setting, type App } from "obsidian";

export interface ConfirmOptions {
  title: string;
  message: string;
  confirmText: string;
  /** A destructive action: the button is shown as a warning. */
  warning?: boolean;
}

/** Asks before doing something that cannot be undone from LifeBetter; resolves to the user's answer. */
export class ConfirmModal extends Modal {
  private answered = false;

  constructor(
    app: App,
    private readonly options: ConfirmOptions,
    private readonly decide: (confirmed: boolean) => void,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.setTitle(this.options.title);
    this.contentEl.addClass("lifebetter-confirm");
    this.contentEl.createEl("p", { text: this.options.message });
    new Setting(this.contentEl)
      .addButton((button) => button.setButtonText("Cancel").onClick(() => this.answer(false)))
      .addButton((button) => {
        button.setButtonText(this.options.confirmText).onClick(() => this.answer(true));
        if (this.options.warning) button.setWarning();
        else button.setCta();
      });
  }

  override onClose(): void {
    this.contentEl.empty();
    if (!this.answered) this.decide(false); // Esc or the close button is a "no"
  }

  private answer(confirmed: boolean): void {
    this.answered = true;
    this.decide(confirmed);
    this.close();
  }
}

export function confirmAction(app: App, options: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => new ConfirmModal(app, options, resolve).open());
}
