import { describe, expect, it, vi } from "vitest";
import { parseNote } from "../../../src/core/codec/frontmatter";
import { parseSessions } from "../../../src/core/problems/sessions-table";
import LifeBetterPlugin from "../../../src/main";
import { NewProblemModal } from "../../../src/ui/problems/new-problem-modal";
import { ProblemSuggestionsModal } from "../../../src/ui/problems/problem-suggestions-modal";
import { PROBLEMS_DASHBOARD_VIEW_TYPE, ProblemsDashboardView } from "../../../src/ui/problems/problems-dashboard-view";
import { SessionStopModal } from "../../../src/ui/problems/session-stop-modal";
import { inProcessWorkers } from "../../support/in-process-index-worker";
import { MemoryBinaryFile } from "../../support/memory-binary-file";
import { MANIFEST, contentOf, fileAt, makeApp, notices, registered, settle, useFixedClock } from "../../support/obsidian-shims";
import { button, onlyModal, control, texts, typeInto } from "../../support/problems-ui";

const SHIP = "LifeBetter/Problems/Ship v2.md";
const SHIP_ID = "11111111-1111-4111-8111-111111111111";
const SESSIONS =
  "## Sessions\n\n| start | end | minutes | focus | energy | activity | distractions | outcome |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n";
const FILES = {
  [SHIP]: `---\nid: ${SHIP_ID}\nkind: problem\nstatus: active\npriority: high\nestimate: 240\n---\nRelease the second version.\n\n## Milestones\n\n${SESSIONS}`,
  "LifeBetter/Problems/Slow checkout tests.md":
    "---\nkind: problem\nstatus: solved\ntime_spent: 300\nwhat_worked:\n  - Cached the browser between tests\n---\nThe checkout tests are slow and flaky in the browser.\n",
  "LifeBetter/Meta-skills/Measure before optimising.md":
    "---\nkind: meta-skill\nuses_total: 4\nuses_success: 3\n---\nWhen something is slow, measure where the time goes before changing it.\n",
};
// Obsidian quit at 09:40 with a session on "Ship v2" running since 09:00; it restarts at 11:00.
const STARTED = new Date(2026, 10, 24, 9, 0);
const RESTART = new Date(2026, 10, 24, 11, 0);

async function startPlugin() {
  const { app, mock } = makeApp(FILES);
  const plugin = new LifeBetterPlugin(app, MANIFEST);
  registered(plugin).data__ = { semanticIndex: false, runningSession: { problemPath: SHIP, problemId: SHIP_ID, start: STARTED.toISOString() } };
  const workers = inProcessWorkers();
  const storage = new MemoryBinaryFile();
  plugin.indexServices = { startWorker: workers.start, fetch: () => Promise.reject(new Error("offline")), storage: () => storage };
  plugin.load();
  await settle();
  mock.workspace.setLayoutReady__();
  const registry = registered(plugin);
  const run = (id: string): void => {
    void registry.commands__.get(id)?.callback?.();
  };
  const timer = () => registry.statusBarItems__.find((el) => el.hasClass("lifebetter-session-status"))!;
  return { app, mock, plugin, registry, run, timer };
}

function propertiesAt(mock: ReturnType<typeof makeApp>["mock"], path: string): Record<string, unknown> {
  const parsed = parseNote(contentOf(mock, path));
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.properties;
}

useFixedClock(RESTART);

describe("problems end to end: recovered session, new problem, timer, dashboard", () => {
  it("recovers a session left running, creates a problem with suggestions, times it, and shows it all on the dashboard", async () => {
    const { app, mock, plugin, registry, run, timer } = await startPlugin();

    // 1. The session left running at the last quit is offered for recovery; logged with its real end.
    const recovery = await plugin.problems.recovered;
    expect(recovery?.contentEl.textContent).toContain('Started on "Ship v2"');
    expect(timer().textContent).toBe("Ship v2 · 2:00");
    button(recovery!.contentEl, "Stop and log it").click();
    const stop = onlyModal(SessionStopModal);
    typeInto(control(stop.contentEl, "Ended"), "2026-11-24T09:40");
    typeInto(control(stop.contentEl, "Focus"), "7");
    typeInto(control(stop.contentEl, "Energy"), "4");
    typeInto(control(stop.contentEl, "Activity"), "release notes");
    expect(await stop.save()).toBe(true);
    const shipBody = parseNote(contentOf(mock, SHIP));
    if (!shipBody.ok) throw new Error(shipBody.problem);
    expect(parseSessions(shipBody.parts.body).rows.map((row) => [row.minutes, row.focus, row.energy, row.activity])).toEqual([[40, 7, 4, "release notes"]]);
    expect(propertiesAt(mock, SHIP).time_spent).toBe(40);
    expect(registry.data__).toMatchObject({ runningSession: null });
    expect(timer().hasClass("lifebetter-hidden")).toBe(true);

    // 2. "New problem" creates the note, then shows the similar solved problem and a fitting skill.
    await plugin.indexBuilt;
    run("new-problem");
    const form = onlyModal(NewProblemModal);
    typeInto(control(form.contentEl, "Title"), "Slow checkout page");
    typeInto(control<HTMLTextAreaElement>(form.contentEl, "Description"), "The checkout page is slow in the browser; measure where the time goes.");
    typeInto(control<HTMLSelectElement>(form.contentEl, "Priority"), "urgent");
    typeInto(control(form.contentEl, "Estimate (minutes)"), "90");
    expect(await form.save()).toBe(true);
    const created = "LifeBetter/Problems/Slow checkout page.md";
    expect(propertiesAt(mock, created)).toMatchObject({ kind: "problem", status: "active", priority: "urgent", estimate: 90 });
    const suggestions = onlyModal(ProblemSuggestionsModal);
    await suggestions.loaded;
    expect(texts(suggestions.contentEl, ".lifebetter-similar-problems a")).toContain("Slow checkout tests");
    expect(suggestions.contentEl.textContent).toContain("Solved — worked: Cached the browser between tests");
    expect(texts(suggestions.contentEl, ".lifebetter-skill-name")).toEqual(["Measure before optimising"]);
    button(suggestions.contentEl, "Use for this problem").click();
    await vi.waitFor(() => expect(propertiesAt(mock, created).meta_skills).toEqual(["[[Measure before optimising]]"]));
    suggestions.close();

    // 3. A work session on the active note: one at a time, shown in the status bar, stopped by a click.
    await app.workspace.getLeaf(false).openFile(fileAt(app, created));
    run("start-work-session");
    await vi.waitFor(() => expect(timer().textContent).toBe("Slow checkout page · 00:00"));
    vi.setSystemTime(new Date(RESTART.getTime() + 25 * 60_000));
    run("start-work-session");
    expect(notices.at(-1)?.text).toContain('A work session on "Slow checkout page" is already running (25:00)');
    timer().click();
    const stopNow = onlyModal(SessionStopModal);
    typeInto(control(stopNow.contentEl, "Focus"), "9");
    expect(await stopNow.save()).toBe(true);
    expect(propertiesAt(mock, created)).toMatchObject({ time_spent: 25 });

    // 4. The dashboard shows both problems with their time against the estimate.
    const creator = registry.views__.get(PROBLEMS_DASHBOARD_VIEW_TYPE);
    const dashboard = creator?.(app.workspace.getLeaf(true)) as ProblemsDashboardView;
    await dashboard.onOpen();
    const rows = [...dashboard.contentEl.querySelectorAll(".lifebetter-dashboard-group.is-active tbody tr")].map((row) =>
      texts(row as HTMLElement, "td").slice(0, 5),
    );
    expect(rows).toEqual([
      ["Slow checkout page", "Urgent", "25 min / 1 h 30 min", "Just now", "0"],
      ["Ship v2", "High", "40 min / 4 h", "2 hours ago", "0"],
    ]);
    expect(texts(dashboard.contentEl, "h3")).toEqual(["Active (2)", "Solved (1)"]);
  });
});
