import { afterEach, describe, expect, it } from "vitest";
import { cli } from "../support/cli";
import { hashTree, makeTempVault, removeVault } from "../support/temp-vault";
import { problemVault } from "../support/problem-vault";

let root: string | undefined;
afterEach(async () => {
  if (root) await removeVault(root);
  root = undefined;
});

describe("lifebetter problems", () => {
  it("prints the dashboard rows as JSON, changing nothing", async () => {
    root = await makeTempVault(problemVault());
    const before = await hashTree(root);
    const run = await cli("problems", "--vault", root, "--json");
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.out) as Record<string, unknown>[];
    expect(rows.map((row) => row.title)).toEqual(["Ship v2", "Someday", "Old problem"]);
    expect(rows[0]).toMatchObject({
      path: "Problems/Ship v2.md",
      title: "Ship v2",
      status: "active",
      priority: "high",
      time_spent: 90,
      last_worked: "2026-11-20T10:30:00Z",
      open_blockers: 2,
      estimate: 60,
      milestones: { done: 1, total: 3 },
    });
    expect(rows[2]).toMatchObject({ status: "solved", priority: null, open_blockers: 0 });
    for (const row of rows)
      expect(Object.keys(row)).toEqual(expect.arrayContaining(["path", "title", "status", "priority", "time_spent", "last_worked", "open_blockers"]));
    expect(await hashTree(root)).toEqual(before);
  });

  it("prints a readable list without --json", async () => {
    root = await makeTempVault(problemVault());
    const run = await cli("problems", "--vault", root);
    expect(run.code).toBe(0);
    expect(run.out.split("\n")[0]).toBe("3 problems: 2 active, 0 blocked, 1 solved, 0 abandoned.");
    expect(run.out).toContain("[active] Ship v2 (high, 90/60 min, 2 open blockers, milestones 1/3, last worked 2026-11-20T10:30:00Z");
  });

  it("prints an empty list for a vault without problems", async () => {
    root = await makeTempVault({ "a.md": "x" });
    expect((await cli("problems", "--vault", root, "--json")).out).toBe("[]\n");
  });

  it.each([["0"], ["soon"], ["1.5"]])("refuses --stale-days %s", async (days) => {
    root = await makeTempVault();
    const run = await cli("problems", "--vault", root, "--stale-days", days);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/--stale-days must be a whole number of days/);
  });
});

describe("lifebetter problems: milestone dates", () => {
  it("gives each milestone's text, done flag and dates, and counts the overdue ones", async () => {
    const files = problemVault();
    files["Problems/Ship v2.md"] = (files["Problems/Ship v2.md"] ?? "").replace(
      "- [x] Reproduce\n- [ ] Fix\n- [ ] Ship\n",
      "- [x] Reproduce ✅ 2026-11-19\n- [ ] Fix 📅 2000-01-01 ⏳ 1999-12-30\n- [ ] Ship [due:: 2999-01-01]\n",
    );
    root = await makeTempVault(files);
    const run = await cli("problems", "--vault", root, "--json");
    const ship = (JSON.parse(run.out) as { title: string; milestones: unknown }[]).find((row) => row.title === "Ship v2");
    expect(ship?.milestones).toEqual({
      done: 1,
      total: 3,
      overdue: 1,
      items: [
        { text: "Reproduce", done: true, due: null, scheduled: null, start: null, completed: "2026-11-19" },
        { text: "Fix", done: false, due: "2000-01-01", scheduled: "1999-12-30", start: null, completed: null },
        { text: "Ship", done: false, due: "2999-01-01", scheduled: null, start: null, completed: null },
      ],
    });
    expect((await cli("problems", "--vault", root)).out).toContain("milestones 1/3, 1 overdue milestone,");
  });
});
