import { applyFixes } from "../../core/check/apply-fixes";
import { checkVault } from "../../core/check/check-vault";
import { dropValue } from "../../core/check/drop-value";
import type { Finding } from "../../core/check/findings";
import { isoDateTime } from "../../core/dates/timestamps";
import { errorMessage } from "../../core/errors";
import { renderCheckReport, type CheckActions } from "./check-report";
import { confirmAction } from "../common/confirm-modal";
import { openNote } from "../common/open-note";
import { RecordView, type RecordRead, type ViewLabel } from "../common/record-view";
import type { VaultContext } from "../plugin-context";

export const CHECK_VIEW_TYPE = "lifebetter-check";

const now = (): string => isoDateTime(new Date());

/**
 * "Check vault": the CLI's `check` findings, grouped, each with its property-only fix. It checks
 * again when asked ("Check again" during a check starts over), not on every edit: the list stays put
 * while the user works through its fixes.
 */
export class CheckView extends RecordView<VaultContext> {
  static readonly label: ViewLabel = { type: CHECK_VIEW_TYPE, title: "Vault check", icon: "shield-check" };
  private bodyEl!: HTMLElement;
  private statusEl!: HTMLElement;

  override async onOpen(): Promise<void> {
    const root = this.contentEl;
    root.empty();
    root.addClass("lifebetter-check-view");
    const header = root.createDiv({ cls: "lifebetter-check-header" });
    header.createEl("h2", { text: "Vault check" });
    const again = header.createEl("button", { text: "Check again" });
    again.addEventListener("click", () => void this.refresh());
    this.statusEl = root.createDiv({ cls: "lifebetter-check-progress" });
    this.bodyEl = root.createDiv({ cls: "lifebetter-check-body" });
    await this.refresh();
  }

  /** Runs the check again and shows what it found. */
  refresh(): Promise<void> {
    return this.reread();
  }

  protected async readRecords(read: RecordRead): Promise<void> {
    this.statusEl.setText("Checking…");
    const report = await checkVault(this.host.repo, this.host.settings(), {
      onProgress: (done, total) => {
        read.stopIfStale();
        this.statusEl.setText(`Checking ${done.toLocaleString()} / ${total.toLocaleString()} notes…`);
      },
    });
    if (read.stale()) return;
    this.statusEl.setText("");
    renderCheckReport(this.bodyEl, report, this.actions());
  }

  protected readFailed(error: unknown): void {
    this.statusEl.setText(`The check could not finish: ${errorMessage(error)}`);
  }

  private actions(): CheckActions {
    const { app, repo } = this.host;
    return {
      open: (path, how) => void openNote(app, path, how),
      fix: async (finding: Finding) => {
        const result = await applyFixes(repo, [finding], now);
        return result.failed[0]?.message ?? null;
      },
      drop: async (finding) => {
        const confirmed = await confirmAction(app, {
          title: `Remove ${finding.property}?`,
          message: `${finding.path}: ${finding.message}. Removing the property deletes its value from the note; the rest of the note stays as it is.`,
          confirmText: `Remove ${finding.property}`,
          warning: true,
        });
        if (!confirmed) return "cancelled";
        try {
          await dropValue(repo, finding, now);
          return null;
        } catch (error) {
          return errorMessage(error);
        }
      },
    };
  }
}
