import { Notice, TFile } from "obsidian";
import { noteName } from "../../core/vault/paths";
import type { ClosingStatus } from "../../core/problems/close-problem";
import { errorMessage } from "../../core/errors";
import { CloseProblemModal } from "./close-problem-modal";
import { NewProblemModal } from "./new-problem-modal";
import { ProblemSuggestionsModal } from "./problem-suggestions-modal";
import { ProblemSuggestModal, type ProblemChoice } from "./problem-suggest-modal";
import { PROBLEM_VIEW_TYPE, ProblemItemView } from "./problem-view";
import { PROBLEMS_DASHBOARD_VIEW_TYPE, ProblemsDashboardView } from "./problems-dashboard-view";
import { RecoverSessionModal } from "./recover-session-modal";
import { SessionStopModal } from "./session-stop-modal";
import { WorkSessions } from "./work-sessions";
import { showView } from "../common/show-view";
import type { PluginContext } from "../plugin-context";

const TICK_MS = 1000;

/** What registration returns: the parts the plugin and tests reach. */
export interface ProblemsFeature {
  sessions: WorkSessions;
  openProblem(path: string): Promise<void>;
  openDashboard(): Promise<void>;
  /** The problem note in focus (its note, or the problem view), else null. */
  activeProblem(): string | null;
  /** Settles once a session left running at the last quit has been offered for recovery. */
  recovered: Promise<RecoverSessionModal | null>;
}

/**
 * Problems and work sessions in Obsidian: the views, the commands, the status bar timer and the
 * recovery of a session left running. Everything goes through the plugin's register* calls.
 */
export function registerProblems(context: PluginContext): ProblemsFeature {
  const { plugin, app } = context;
  const status = plugin.addStatusBarItem();
  status.addClass("mod-clickable");
  status.setAttribute("role", "button");
  const sessions = new WorkSessions(context, status);
  plugin.registerDomEvent(status, "click", () => stopSession());
  plugin.registerInterval(window.setInterval(() => sessions.tick(), TICK_MS));
  plugin.registerEvent(app.vault.on("rename", (file, oldPath) => void sessions.renamed(oldPath, file.path)));

  plugin.registerView(PROBLEM_VIEW_TYPE, (leaf) => new ProblemItemView(leaf, context, sessions));
  plugin.registerView(PROBLEMS_DASHBOARD_VIEW_TYPE, (leaf) => new ProblemsDashboardView(leaf, context));

  async function openProblem(path: string): Promise<void> {
    await showView(app.workspace, PROBLEM_VIEW_TYPE, { state: { path } });
  }

  async function openDashboard(): Promise<void> {
    await showView(app.workspace, PROBLEMS_DASHBOARD_VIEW_TYPE);
  }

  function activeProblem(): string | null {
    const view = app.workspace.getActiveViewOfType(ProblemItemView);
    if (view?.path) return view.path;
    const file = app.workspace.getActiveFile();
    return file && app.metadataCache.getFileCache(file)?.frontmatter?.kind === "problem" ? file.path : null;
  }

  /** Runs `action` on the active problem, or on one the user chooses when none is active. */
  function withProblem(choice: ProblemChoice, action: (file: TFile) => void): void {
    const path = activeProblem();
    const file = path ? app.vault.getAbstractFileByPath(path) : null;
    if (file instanceof TFile) action(file);
    else new ProblemSuggestModal(app, choice, action).open();
  }

  function stopSession(): void {
    const running = sessions.running;
    if (!running) {
      new Notice("No work session is running.");
      return;
    }
    new SessionStopModal(app, sessions, running).open();
  }

  const closeWith = (status: ClosingStatus) => () => withProblem("open", (file) => new CloseProblemModal(context, file.path, status).open());

  plugin.addCommand({
    id: "new-problem",
    name: "New problem",
    callback: () =>
      new NewProblemModal(context, (created, input) => {
        new ProblemSuggestionsModal(context, created.path, `${input.title}\n${input.description ?? ""}`, { created: true }).open();
      }).open(),
  });
  plugin.addCommand({ id: "open-problem-view", name: "Open problem view", callback: () => withProblem("all", (file) => void openProblem(file.path)) });
  plugin.addCommand({ id: "open-problems-dashboard", name: "Open problems dashboard", callback: () => void openDashboard() });
  plugin.addCommand({
    id: "start-work-session",
    name: "Start work session",
    callback: () => {
      if (sessions.refuseWhileRunning()) return;
      withProblem("open", (file) => {
        const id: unknown = app.metadataCache.getFileCache(file)?.frontmatter?.id;
        void sessions.start({ path: file.path, id: typeof id === "string" ? id : undefined });
      });
    },
  });
  plugin.addCommand({ id: "stop-work-session", name: "Stop work session", callback: stopSession });
  plugin.addCommand({ id: "mark-problem-solved", name: "Mark problem solved", callback: closeWith("solved") });
  plugin.addCommand({ id: "mark-problem-abandoned", name: "Mark problem abandoned", callback: closeWith("abandoned") });
  plugin.addRibbonIcon("list-checks", "Open problems dashboard", () => void openDashboard());

  // A session left running at the last quit is offered once the vault is loaded.
  let settle: (modal: RecoverSessionModal | null) => void = () => {};
  const recovered = new Promise<RecoverSessionModal | null>((resolve) => (settle = resolve));
  app.workspace.onLayoutReady(() => {
    sessions.recover().then(
      (found) => {
        if (!found) return settle(null);
        const modal = new RecoverSessionModal(app, sessions, found);
        modal.open();
        settle(modal);
      },
      (error: unknown) => {
        new Notice(`LifeBetter could not check the work session left running on "${noteName(sessions.running?.problemPath ?? "")}": ${errorMessage(error)}`);
        settle(null);
      },
    );
  });

  context.provide({ openProblem, activeProblem, runningSession: () => sessions.running });
  return { sessions, openProblem, openDashboard, activeProblem, recovered };
}
