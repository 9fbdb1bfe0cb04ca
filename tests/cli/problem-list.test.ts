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
    expect(rows[0]).toMatchObject({ path: "Problems/Ship v2.md", title: "Ship v2", status: "active", priority: "high", time_spent: 90, last_worked: "2026-11-20T10:30:00Z", open_blockers: 2, estimate: 60, milestones: { done: 1, total: 3 } });
    expect(rows[2]).toMatchObject({ status: "solved", priority: null, open_blockers: 0 });
    for (const row of rows) expect(Object.keys(row)).toEqual(expect.arrayContaining(["path", "title", "status", "priority", "time_spent", "last_worked", "open_blockers"]));
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
