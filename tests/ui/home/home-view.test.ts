import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { composeNote } from "../../../src/core/codec/frontmatter";
import { cli } from "../../support/cli";
import { HOME_TODAY, homeVault } from "../../support/home-vault";
import { openHome } from "../../support/home-ui";
import { texts } from "../../support/problems-ui";
import { makeTempVault, removeVault } from "../../support/temp-vault";
import { NEW_TAB, clickWith, opened as openedBy, pressOn } from "../../support/open-watch";
import { PROBLEM_VIEW_TYPE } from "../../../src/ui/problems/problem-view";

let root: string | undefined;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(2026, 10, 26, 12, 0, 0)); // HOME_TODAY at noon, local time, as `today --date` looks at it
});
afterEach(async () => {
  vi.useRealTimers();
  document.body.empty();
  if (root) await removeVault(root);
  root = undefined;
});

const press = (el: Element, key: string) => el.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));

describe("LifeBetter home", () => {
  it("agrees with `lifebetter today --json` on a generated vault", async () => {
    const { files } = homeVault(13);
    const home = await openHome(files, { reflectionPath: `LifeBetter/Reflections/${HOME_TODAY} reflection.md` });
    root = await makeTempVault(files);
    const run = await cli("today", "--vault", root, "--date", HOME_TODAY, "--json");
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as {
      reviews_due: number;
      reflection: { state: string };
      decisions_due: { title: string }[];
      problems: { title: string }[];
      next_actions: { text: string }[];
      patterns: { name: string }[];
      week: Record<string, unknown>;
      previous_week: Record<string, unknown>;
    };
    const el = home.root;
    // What the user reads.
    expect(el.querySelector(".is-reviews")?.textContent).toBe(`${json.reviews_due} skill review${json.reviews_due === 1 ? "" : "s"} due · Start review`);
    expect(el.querySelector(".is-reflection")?.hasClass(`is-${json.reflection.state}`)).toBe(true);
    expect(texts(el, ".is-decision .lifebetter-home-title")).toEqual(json.decisions_due.map((d) => d.title));
    expect(texts(el, ".is-problem .lifebetter-home-title")).toEqual(json.problems.map((p) => p.title));
    expect(texts(el, ".is-action .lifebetter-home-title")).toEqual(json.next_actions.map((a) => a.text));
    expect(texts(el, ".is-pattern .lifebetter-home-title")).toEqual(json.patterns.map((p) => p.name));
    // Every week figure the table shows is the one the CLI prints.
    const cells = [...el.querySelectorAll<HTMLElement>(".lifebetter-home-week-table td")];
    expect(cells.length).toBe(20);
    // Time by activity type, read from the typed sessions.
    const byActivity = el.querySelector('tr[data-metric="minutes_by_activity"] td[data-week="week"]')?.textContent ?? "";
    expect(byActivity).toMatch(/^(coding|meeting|reading) \d/);
    expect(Object.keys(json.week.minutes_by_activity as Record<string, number>).length).toBeGreaterThan(0);
    for (const cell of cells) {
      const metric = cell.closest("tr")?.getAttribute("data-metric") ?? "";
      const week = cell.getAttribute("data-week") === "week" ? json.week : json.previous_week;
      expect(JSON.parse(cell.getAttribute("data-value") ?? "null"), `${metric} ${cell.getAttribute("data-week")}`).toEqual(week[metric]);
    }
    expect(home.view.shown?.week.focusMinutes).toBe(json.week.focus_minutes);
    expect((json.week.focus_minutes as number) + (json.previous_week.focus_minutes as number)).toBeGreaterThan(0);
  });

  it("opens what each row names, by click or by keyboard", async () => {
    const { root: el, opened } = await openHome(homeVault().files);
    const problem = el.querySelector<HTMLElement>('[aria-label="Open problem Flaky CI"]')!;
    expect(problem.tabIndex).toBe(0);
    press(problem, "Enter");
    press(el.querySelector(".is-reviews")!, " ");
    (el.querySelector(".is-reflection") as HTMLElement).click();
    press(el.querySelector(".is-decision")!, "Enter");
    expect(opened).toEqual(["problem:LifeBetter/Problems/Flaky CI.md", "review", "reflection", "review"]);
    expect(texts(el, ".is-problem .lifebetter-home-blockers button")).toEqual(["Waiting for access"]);
    expect(el.querySelector(".is-problem")?.textContent).toContain("Next: Find the race · overdue 6 days (due 2026-11-20)");
    expect(el.querySelectorAll(".lifebetter-home-row:not([tabindex='0']):not(.lifebetter-muted)")).toHaveLength(0);
  });

  it("opens a problem or a note in a new tab with Ctrl/Cmd (click or Enter), as every LifeBetter view does", async () => {
    const { root: el, opened, app } = await openHome(homeVault().files);
    const problem = el.querySelector<HTMLElement>('[aria-label="Open problem Flaky CI"]')!;
    clickWith(problem, NEW_TAB);
    pressOn(problem, "Enter", NEW_TAB);
    await vi.waitFor(() => expect(app.workspace.getLeavesOfType(PROBLEM_VIEW_TYPE)).toHaveLength(2));
    expect(app.workspace.getLeavesOfType(PROBLEM_VIEW_TYPE)[0]?.getViewState().state).toEqual({ path: "LifeBetter/Problems/Flaky CI.md" });
    expect(opened).toEqual([]);
    const action = el.querySelector<HTMLElement>(".is-action")!;
    await app.workspace.getLeaf(false).openFile(app.vault.getFileByPath("LifeBetter/Problems/Flaky CI.md")!);
    expect(await openedBy(app, () => clickWith(action, NEW_TAB))).toMatchObject({ newTabs: 1 });
    expect(await openedBy(app, () => clickWith(action))).toMatchObject({ newTabs: 0 });
  });

  it("shows the running session, and an empty vault says there is nothing yet", async () => {
    const files = { "P/Write.md": composeNote({ kind: "problem", status: "active" }, "") };
    const { root: el, opened } = await openHome(files, { session: { problemPath: "P/Write.md", start: "2026-11-26T11:20:00" } });
    expect(el.querySelector(".is-session")?.textContent).toBe("Working on Write for 40 min (since 26 Nov 2026, 11:20)");
    press(el.querySelector(".is-session")!, "Enter");
    expect(opened).toEqual(["problem:P/Write.md"]);
    const empty = await openHome({});
    expect(empty.root.textContent).toContain("No open problems.");
    expect(empty.root.textContent).toContain("No work session running");
    expect(empty.root.querySelector('[data-metric="focus_minutes"] td')?.textContent).toBe("0 min");
  });

  it("follows a work session started, running and stopped elsewhere", async () => {
    const options: { session: { problemPath: string; start: string } | null } = { session: null };
    const files = { "P/Write.md": composeNote({ kind: "problem", status: "active" }, "") };
    const { root: el, view } = await openHome(files, options);
    expect(el.querySelector(".is-session")?.textContent).toBe("No work session running");
    options.session = { problemPath: "P/Write.md", start: "2026-11-26T11:50:00" };
    view.sessionTick();
    await vi.waitFor(() => expect(el.querySelector(".is-session")?.textContent).toBe("Working on Write for 10 min (since 26 Nov 2026, 11:50)"), {
      timeout: 4000,
    });
    view.sessionTick(new Date(2026, 10, 26, 12, 30));
    expect(el.querySelector(".is-session")?.textContent).toBe("Working on Write for 40 min (since 26 Nov 2026, 11:50)");
    options.session = null;
    view.sessionTick();
    await vi.waitFor(() => expect(el.querySelector(".is-session")?.textContent).toBe("No work session running"), { timeout: 4000 });
  });

  it("redraws when a record changes", async () => {
    const { root: el, app } = await openHome(homeVault().files);
    expect(texts(el, ".is-problem .lifebetter-home-title")).toContain("Tax return");
    await app.fileManager.processFrontMatter(app.vault.getFileByPath("LifeBetter/Problems/Tax return.md")!, (fm: Record<string, unknown>) => {
      fm.status = "solved";
    });
    await vi.waitFor(() => expect(texts(el, ".is-problem .lifebetter-home-title")).not.toContain("Tax return"), { timeout: 4000 });
  });
});
