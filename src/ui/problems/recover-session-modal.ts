import { Modal, type App } from "obsidian";
import type { RecoveredSession } from "../../core/problems/recover-session";
import { noteName } from "../../core/vault/paths";
import { dateText, minutesText } from "./durations";
import { SessionStopModal } from "./session-stop-modal";
import type { WorkSessions } from "./work-sessions";

/**
 * Shown after start-up when a work session was still running as Obsidian quit: stop and log it (with
 * the real end time), keep it running, or discard it. Nothing is written until the user chooses.
 */
export class RecoverSessionModal extends Modal {
  constructor(
    app: App,
    private readonly sessions: WorkSessions,
    private readonly recovered: RecoveredSession,
  ) {
    super(app);
  }

  override onOpen(): void {
    const { contentEl, recovered } = this;
    contentEl.empty();
    contentEl.addClass("lifebetter-session-recover");
    this.setTitle("A work session is still running");
    const name = noteName(recovered.session.problemPath);
    contentEl.createEl("p", {
      text: `Started on "${name}" at ${dateText(recovered.session.start)}, ${minutesText(recovered.elapsedMinutes)} ago, and not stopped before Obsidian closed.`,
    });
    const buttons = contentEl.createDiv({ cls: "modal-button-container" });
    if (recovered.problem) {
      buttons.createEl("button", { cls: "mod-cta", text: "Stop and log it" }).addEventListener("click", () => this.stopAndLog());
      buttons.createEl("button", { text: "Keep it running" }).addEventListener("click", () => this.close());
    } else {
      contentEl.createEl("p", {
        cls: "lifebetter-form-error",
        text: `Its problem note "${recovered.session.problemPath}" is gone, so the session cannot be logged.`,
      });
      buttons.createEl("button", { text: "Decide later" }).addEventListener("click", () => this.close());
    }
    buttons.createEl("button", { cls: "mod-warning", text: "Discard it" }).addEventListener("click", () => void this.discard());
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private stopAndLog(): void {
    this.close();
    const session = this.sessions.running;
    if (session) new SessionStopModal(this.app, this.sessions, session, { recovered: true }).open();
  }

  private async discard(): Promise<void> {
    await this.sessions.discard();
    this.close();
  }
}
