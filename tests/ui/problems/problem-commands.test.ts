import { describe, expect, it, vi } from "vitest";
import LifeBetterPlugin from "../../../src/main";
import { CloseProblemModal } from "../../../src/ui/problems/close-problem-modal";
import { ProblemSuggestModal } from "../../../src/ui/problems/problem-suggest-modal";
import { PROBLEM_VIEW_TYPE } from "../../../src/ui/problems/problem-view";
import { PROBLEMS_DASHBOARD_VIEW_TYPE } from "../../../src/ui/problems/problems-dashboard-view";
import { SessionStopModal } from "../../../src/ui/problems/session-stop-modal";
import { MANIFEST, fileAt, makeApp, notices, openModals, registered, settle, useFixedClock } from "../../support/obsidian-shims";
import { problemVault } from "../../support/problem-vault";
import { onlyModal } from "../../support/problems-ui";

const SHIP = "Problems/Ship v2.md";

async function start(data: unknown = {}) {
  const { app, mock } = makeApp(problemVault());
  const plugin = new LifeBetterPlugin(app, MANIFEST);
  const registry = registered(plugin);
  registry.data__ = data;
  plugin.indexServices = { ...plugin.indexServices, startWorker: null };
  plugin.load();
  await settle();
  mock.workspace.setLayoutReady__();
  const run = (id: string): void => {
    void registry.commands__.get(id)?.callback?.();
  };
  const viewStates = () => app.workspace.getLeavesOfType(PROBLEM_VIEW_TYPE).map((leaf) => leaf.getViewState());
  const timer = () => registry.statusBarItems__.find((el) => el.hasClass("lifebetter-session-status"))!;
  return { app, mock, plugin, registry, run, viewStates, timer };
}

useFixedClock(new Date("2026-11-24T12:00:00Z"));

describe("problem commands", () => {
  it("opens the problem view on the active problem note, or asks which problem", async () => {
    const { app, run, viewStates } = await start();
    run("open-problem-view");
    const chooser = onlyModal(ProblemSuggestModal);
    expect(chooser.getItems().map((file) => file.basename)).toEqual(["Old problem", "Ship v2", "Someday"]);
    chooser.onChooseItem(fileAt(app, "Problems/Someday.md"));
    await vi.waitFor(() => expect(viewStates()).toEqual([{ type: PROBLEM_VIEW_TYPE, state: { path: "Problems/Someday.md" }, active: true }]));
    chooser.close();

    await app.workspace.getLeaf(false).openFile(fileAt(app, SHIP));
    run("open-problem-view");
    // The problem view is reused, not opened twice.
    await vi.waitFor(() => expect(viewStates()).toEqual([{ type: PROBLEM_VIEW_TYPE, state: { path: SHIP }, active: true }]));
    expect(openModals.size).toBe(0);
  });

  it("offers only open problems to work on or close", async () => {
    const { run } = await start();
    run("start-work-session");
    expect(
      onlyModal(ProblemSuggestModal)
        .getItems()
        .map((file) => file.basename),
    ).toEqual(["Ship v2", "Someday"]);
  });

  it("opens the dashboard in a tab", async () => {
    const { app, run } = await start();
    run("open-problems-dashboard");
    await vi.waitFor(() => expect(app.workspace.getLeavesOfType(PROBLEMS_DASHBOARD_VIEW_TYPE)).toHaveLength(1));
  });

  it("times the active problem; the status bar stops it on click; stopping with none running says so", async () => {
    const { app, run, timer, plugin } = await start();
    expect(await plugin.problems.recovered).toBeNull();
    run("stop-work-session");
    expect(notices.at(-1)?.text).toBe("No work session is running.");
    await app.workspace.getLeaf(false).openFile(fileAt(app, SHIP));
    run("start-work-session");
    await vi.waitFor(() => expect(timer().textContent).toBe("Ship v2 · 00:00"));
    expect(plugin.settings.runningSession).toMatchObject({ problemPath: SHIP, problemId: "11111111-1111-4111-8111-111111111111" });
    expect(timer().hasClass("mod-clickable")).toBe(true);
    timer().click();
    expect(onlyModal(SessionStopModal).titleEl.textContent).toBe("Stop work session");
  });

  it("follows the problem note when it is renamed while the session runs", async () => {
    const { app, run, plugin } = await start();
    await app.workspace.getLeaf(false).openFile(fileAt(app, SHIP));
    run("start-work-session");
    await vi.waitFor(() => expect(plugin.settings.runningSession).not.toBeNull());
    await app.vault.rename(fileAt(app, SHIP), "Problems/Ship version 2.md");
    await vi.waitFor(() => expect(plugin.settings.runningSession?.problemPath).toBe("Problems/Ship version 2.md"));
  });

  it("asks what was learned before marking the active problem solved or abandoned", async () => {
    const { app, run } = await start();
    await app.workspace.getLeaf(false).openFile(fileAt(app, SHIP));
    run("mark-problem-abandoned");
    expect(onlyModal(CloseProblemModal).titleEl.textContent).toBe("Mark problem abandoned");
  });
});
