/** "Stop work session" over a running timer (shown in the status bar), details half filled in. */
import { SessionStopModal } from "../../src/ui/problems/session-stop-modal";
import { control, typeInto } from "../support/problems-ui";
import { showModal, showStatusBar } from "./host/frame";
import { SHIP, problemsScreenSetup } from "./host/problems";

export async function render(root: HTMLElement): Promise<void> {
  const started = new Date(Date.now() - (52 * 60 + 7) * 1000);
  const { app, sessions, statusEl } = problemsScreenSetup({ runningSession: { problemPath: SHIP, start: started.toISOString() } });
  sessions.tick();
  showStatusBar(root, [statusEl]);
  const running = sessions.running;
  if (!running) throw new Error("no running session");
  const modal = new SessionStopModal(app, sessions, running);
  await showModal(root, modal);
  typeInto(control(modal.contentEl, "Focus"), "8");
  typeInto(control(modal.contentEl, "Energy"), "6");
  typeInto(control(modal.contentEl, "Activity"), "release notes");
  typeInto(control<HTMLTextAreaElement>(modal.contentEl, "Outcome"), "Draft done; screenshots left.");
}
