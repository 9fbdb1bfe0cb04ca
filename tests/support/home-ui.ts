import { WorkspaceLeaf } from "obsidian-test-mocks/obsidian";
import { ObsidianNoteRepository } from "../../src/adapters/obsidian/obsidian-repository";
import type { RunningSession } from "../../src/core/problems/running-session";
import { loadSettings } from "../../src/core/settings";
import type { HomeContext } from "../../src/ui/home/home-context";
import { HomeView } from "../../src/ui/home/home-view";
import { makeApp } from "./obsidian-shims";

interface HomeOptions {
  session?: RunningSession | null;
  reflectionPath?: string;
}

/** A home context over a mock vault, recording which view each row asked to open. */
export function homeSetup(files: Record<string, string>, options: HomeOptions = {}) {
  const { app, mock } = makeApp(files);
  const settings = loadSettings({});
  const opened: string[] = [];
  const host: HomeContext = {
    app,
    repo: new ObsidianNoteRepository(app),
    settings: () => settings,
    // Read at each call, so a test can start or stop a session meanwhile.
    runningSession: () => options.session ?? null,
    dailyReflectionPath: () => Promise.resolve(options.reflectionPath),
    openReview: () => Promise.resolve(void opened.push("review")),
    openReflection: (period) => Promise.resolve(void opened.push(period === "daily" ? "reflection" : `reflection:${period}`)),
    openProblem: (path) => Promise.resolve(void opened.push(`problem:${path}`)),
    openPatterns: () => Promise.resolve(void opened.push("patterns")),
  };
  const leaf = () => WorkspaceLeaf.create2__(mock).asOriginalType3__();
  return { app, mock, host, opened, leaf };
}

/** The home view, open in the document. */
export async function openHome(files: Record<string, string>, options: HomeOptions = {}) {
  const { app, mock, host, opened, leaf } = homeSetup(files, options);
  const view = new HomeView(leaf(), host);
  document.body.appendChild(view.containerEl);
  await view.onOpen();
  return { app, mock, view, root: view.contentEl, opened, host };
}
