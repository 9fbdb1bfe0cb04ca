import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ProblemsDashboardView } from "../../../src/ui/problems/problems-dashboard-view";
import { problemVault } from "../../support/problem-vault";
import { problemsSetup, texts } from "../../support/problems-ui";
import { NEW_TAB, clickWith, pressOn } from "../../support/open-watch";
import { PROBLEM_VIEW_TYPE } from "../../../src/ui/problems/problem-view";

const NOW = new Date("2026-11-24T12:00:00Z");

async function openDashboard(files: Record<string, string> = problemVault(), settings: unknown = {}) {
  const setup = problemsSetup(files, { settings });
  const view = new ProblemsDashboardView(setup.leaf(), setup.host);
  document.body.appendChild(view.containerEl);
  await view.onOpen();
  const root = view.contentEl;
  const group = (status: string) => root.querySelector<HTMLElement>(`.lifebetter-dashboard-group.is-${status}`)!;
  const titles = (status: string) => texts(group(status), "tbody td.lifebetter-dashboard-title > span:first-child");
  const header = (status: string, label: string) => group(status).querySelector<HTMLButtonElement>(`button[aria-label="Sort by ${label}"]`)!;
  return { ...setup, view, root, group, titles, header };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
  document.body.empty();
});

describe("problems dashboard", () => {
  it("groups problems by status with counts, time against estimate, last worked, open blockers and stale flags", async () => {
    const { root, group, titles } = await openDashboard();
    expect(root.querySelector(".lifebetter-dashboard-summary")?.textContent).toBe(
      "2 active · 0 blocked · 1 solved · 0 abandoned · 1 stale (no session for 14 days)",
    );
    expect(texts(root, "h3")).toEqual(["Active (2)", "Solved (1)"]);
    expect(texts(group("active"), "thead th")).toEqual(["Problem", "Priority", "Time spent", "Last worked", "Open blockers", "Milestones"]);
    expect(titles("active")).toEqual(["Ship v2", "Someday"]);
    expect(titles("solved")).toEqual(["Old problem"]);

    const cells = (row: number) => texts(group("active").querySelectorAll("tbody tr")[row] as HTMLElement, "td");
    expect(cells(0)).toEqual(["Ship v2", "High", "1 h 30 min / 1 h", "4 days ago", "2", "1/3"]);
    expect(cells(1)).toEqual(["SomedayStale", "Low", "0 min", "Never", "0", "—"]);
    const first = group("active").querySelector("tbody tr")!;
    expect(first.querySelectorAll("td")[2]?.hasClass("is-over")).toBe(true);
    expect(first.querySelectorAll("td")[4]?.hasClass("is-blocked")).toBe(true);
  });

  it("uses the stale-days setting", async () => {
    const { root } = await openDashboard(problemVault(), { staleDays: 60 });
    expect(root.querySelector(".lifebetter-dashboard-summary")?.textContent).toContain("0 stale (no session for 60 days)");
    expect(root.querySelector(".lifebetter-badge.is-stale")).toBeNull();
  });

  it("sorts by a column header, flips on the second press, says so to screen readers and keeps focus there", async () => {
    const { titles, header, group } = await openDashboard();
    header("active", "priority").click();
    expect(titles("active")).toEqual(["Ship v2", "Someday"]);
    expect(header("active", "priority").closest("th")?.getAttribute("aria-sort")).toBe("descending");
    header("active", "priority").click();
    expect(titles("active")).toEqual(["Someday", "Ship v2"]);
    expect(header("active", "priority").closest("th")?.getAttribute("aria-sort")).toBe("ascending");
    expect(header("active", "priority").textContent).toBe("Priority ▲");
    await vi.waitFor(() => expect(document.activeElement).toBe(header("active", "priority")));
    header("active", "problem").click();
    expect(titles("active")).toEqual(["Ship v2", "Someday"]);
    expect(group("active").querySelectorAll('th[aria-sort="none"]')).toHaveLength(5);
  });

  it("opens a problem from its row with Enter or a click; rows take keyboard focus", async () => {
    const { group, opened } = await openDashboard();
    const rows = [...group("active").querySelectorAll<HTMLElement>("tbody tr")];
    expect(rows.every((row) => row.tabIndex === 0)).toBe(true);
    rows[1]?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    rows[0]?.click();
    expect(opened).toEqual(["Problems/Someday.md", "Problems/Ship v2.md"]);
  });

  it("opens a problem in a new tab with Ctrl/Cmd-click, Ctrl/Cmd+Enter or a middle click", async () => {
    const { group, opened, app } = await openDashboard();
    const row = group("active").querySelector<HTMLElement>("tbody tr")!;
    clickWith(row, NEW_TAB);
    pressOn(row, "Enter", NEW_TAB);
    row.dispatchEvent(new MouseEvent("auxclick", { button: 1, bubbles: true }));
    await vi.waitFor(() => expect(app.workspace.getLeavesOfType(PROBLEM_VIEW_TYPE)).toHaveLength(3));
    expect(app.workspace.getLeavesOfType(PROBLEM_VIEW_TYPE).map((leaf) => leaf.getViewState().state)).toEqual(Array(3).fill({ path: "Problems/Ship v2.md" }));
    expect(opened).toEqual([]);
  });

  it("reads once after a burst of problem edits", async () => {
    const { app, host, group } = await openDashboard();
    const listFiles = vi.spyOn(host.repo, "listFiles");
    for (const priority of ["medium", "high", "urgent"]) {
      await app.fileManager.processFrontMatter(app.vault.getFileByPath("Problems/Someday.md")!, (fm: Record<string, unknown>) => {
        fm.priority = priority;
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await vi.waitFor(() => expect(texts(group("active"), "tbody td:nth-child(2)")).toContain("Urgent"), { timeout: 3000 });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(listFiles).toHaveBeenCalledTimes(1);
  });

  it("follows new notes: a problem created elsewhere appears", async () => {
    const { root, app } = await openDashboard();
    await app.vault.create("Problems/Run a 10k.md", "---\nkind: problem\nstatus: blocked\ncategory: goal\n---\n");
    await vi.waitFor(() => expect(texts(root, "h3")).toEqual(["Active (2)", "Blocked (1)", "Solved (1)"]), { timeout: 3000 });
    expect(root.querySelector(".lifebetter-dashboard-group.is-blocked td")?.textContent).toBe("Run a 10kGoal");
  });

  it("redraws when a problem changes, and reads nothing when an ordinary note is edited", async () => {
    const { root, app, host, group } = await openDashboard({ ...problemVault(), "Notes/Groceries.md": "Milk\n" });
    const listFiles = vi.spyOn(host.repo, "listFiles");
    await app.vault.modify(app.vault.getFileByPath("Notes/Groceries.md")!, "Milk, eggs\n");
    await new Promise((resolve) => setTimeout(resolve, 800)); // longer than the dashboard's debounce
    expect(listFiles).not.toHaveBeenCalled();

    await app.fileManager.processFrontMatter(app.vault.getFileByPath("Problems/Someday.md")!, (fm: Record<string, unknown>) => {
      fm.priority = "urgent";
    });
    const priorityOf = (title: string) =>
      [...group("active").querySelectorAll<HTMLElement>("tbody tr")].map((row) => texts(row, "td")).find((cells) => cells[0]?.startsWith(title))?.[1];
    expect(priorityOf("Someday")).toBe("Low");
    await vi.waitFor(() => expect(priorityOf("Someday")).toBe("Urgent"), { timeout: 3000 });
    expect(listFiles).toHaveBeenCalled();
    expect(root.querySelector(".lifebetter-dashboard-summary")?.textContent).toContain("2 active");
  });

  it("invites to create a problem in an empty vault", async () => {
    const { root } = await openDashboard({});
    expect(root.textContent).toBe("ProblemsNo problems yet: create one with the new problem command.");
  });
});
