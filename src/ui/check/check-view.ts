import { ItemView, TFile, type WorkspaceLeaf } from "obsidian";
import { applyFixes } from "../../core/check/apply-fixes";
import { checkVault } from "../../core/check/check-vault";
import { dropValue } from "../../core/check/drop-value";
import type { Finding } from "../../core/check/findings";
import { isoDateTime } from "../../core/dates/timestamps";
import { errorMessage } from "../../core/errors";
import { renderCheckReport, type CheckActions } from "./check-report";
import { confirmAction } from "../common/confirm-modal";
import type { VaultContext } from "../plugin-context";

export const CHECK_VIEW_TYPE = "lifebetter-check";

const now = (): string => isoDateTime(new Date());

/** "Check vault": the CLI's `check` findings, grouped, each with its property-only fix. */
export class CheckView extends ItemView {
  private running = false;
  private bodyEl!: HTMLElement;
  private statusEl!: HTMLElement;

  constructor(
    leaf: WorkspaceLeaf,
    private readonly host: VaultContext,
  ) {
    super(leaf);
  }

  getViewType(): string {
    return CHECK_VIEW_TYPE;
  }

  getDisplayText(): string {
    return "Vault check";
  }

  override getIcon(): string {
    return "shield-check";
  }

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
  async refresh(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.statusEl.setText("Checking…");
    try {
      const report = await checkVault(this.host.repo, this.host.settings(), {
        onProgress: (done, total) => this.statusEl.setText(`Checking ${done.toLocaleString()} / ${total.toLocaleString()} notes…`),
      });
      this.statusEl.setText("");
      renderCheckReport(this.bodyEl, report, this.actions());
    } catch (error) {
      this.statusEl.setText(`The check could not finish: ${errorMessage(error)}`);
    } finally {
      this.running = false;
    }
  }

  private actions(): CheckActions {
    const { app, repo } = this.host;
    return {
      open: (path) => {
        const file = app.vault.getAbstractFileByPath(path);
        if (file instanceof TFile) void app.workspace.getLeaf(false).openFile(file);
      },
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
