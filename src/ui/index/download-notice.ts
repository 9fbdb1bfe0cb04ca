import { Notice } from "obsidian";
import type { DownloadProgress } from "../../core/embed/asset-download";

const MB = 1024 * 1024;

export function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

/**
 * A notice that stays while the model downloads, updated in place, with a button to cancel.
 * Shown only when something is actually fetched (the first start, or a damaged file).
 */
export class DownloadNotice {
  private readonly notice: Notice;
  private readonly textEl: HTMLElement;

  constructor(onCancel: () => void) {
    const fragment = createFragment();
    this.textEl = fragment.createDiv({ text: "LifeBetter is downloading its search model (once)…" });
    const cancel = fragment.createEl("button", { cls: "lifebetter-notice-cancel", text: "Cancel download" });
    cancel.addEventListener("click", () => {
      onCancel();
      this.hide();
    });
    this.notice = new Notice(fragment, 0);
  }

  update(progress: DownloadProgress): void {
    // The total counts only sizes known so far (pinned, or announced by the server).
    const total = progress.total >= progress.overall ? ` of ${megabytes(progress.total)}` : "";
    this.textEl.setText(`LifeBetter is downloading its search model (once): ${megabytes(progress.overall)}${total}`);
  }

  hide(): void {
    this.notice.hide();
  }
}
