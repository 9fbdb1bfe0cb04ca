import { promises as fs } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cli } from "../support/cli";
import { makeTempVault, removeVault } from "../support/temp-vault";

let vault = "";
afterEach(async () => {
  if (vault) await removeVault(vault);
  vault = "";
});

const dailyNotes = JSON.stringify({ folder: "Journal", format: "YYYY/MM/YYYY-MM-DD dddd", template: "" });

describe("lifebetter reflect", () => {
  it("creates the daily reflection where the vault's daily notes live and prints what it did", async () => {
    vault = await makeTempVault({ ".obsidian/daily-notes.json": dailyNotes });
    const run = await cli("reflect", "--vault", vault, "--period", "daily", "--date", "2026-11-24", "--json");
    expect(run.err).toBe("");
    expect(JSON.parse(run.out)).toMatchObject({
      path: "Journal/2026/11/2026-11-24 Tuesday reflection.md",
      created: true,
      period: "daily",
      period_start: "2026-11-24",
      periodic_note: "Journal/2026/11/2026-11-24 Tuesday.md",
    });
    const text = await fs.readFile(path.join(vault, "Journal/2026/11/2026-11-24 Tuesday reflection.md"), "utf8");
    expect(text).toContain("kind: reflection\n");
    expect(text).toContain("## Tomorrow's focus\n");
  });

  it("updates an edited reflection: answers typed in the note reach the properties and the reverse, and says so", async () => {
    vault = await makeTempVault({ ".obsidian/daily-notes.json": dailyNotes });
    await cli("reflect", "--vault", vault, "--date", "2026-11-24");
    const file = path.join(vault, "Journal/2026/11/2026-11-24 Tuesday reflection.md");
    const text = await fs.readFile(file, "utf8");
    await fs.writeFile(
      file,
      text.replace("## Wins\n", "## Wins\n- Ran 5k\n").replace("gratitude: []", "gratitude: [Sun]").replace("## What worked?", "## What went well"),
    );
    const run = await cli("reflect", "--vault", vault, "--date", "2026-11-24");
    expect(run.out).toContain("Updated Journal/2026/11/2026-11-24 Tuesday reflection.md");
    expect(run.out).toContain('wins: copied from the list under "Wins"');
    expect(run.out).toContain('1 answer from gratitude added under "Gratitude"');
    expect(run.out).toContain('"What worked?" is not in the note (renamed or removed?); what_worked is empty');
    const after = await fs.readFile(file, "utf8");
    expect(after).toMatch(/wins:\n {2}- Ran 5k\n/);
    expect(after).toContain("## Gratitude\n\n- Sun\n");
    expect(after).toContain("## What went well\n");
  });

  it("writes into the daily note itself when the plugin's settings say so", async () => {
    vault = await makeTempVault({
      ".obsidian/daily-notes.json": dailyNotes,
      ".obsidian/plugins/lifebetter/data.json": JSON.stringify({ reflectionInPeriodicNote: true }),
      "Journal/2026/11/2026-11-24 Tuesday.md": "Morning pages.\n",
    });
    const run = await cli("reflect", "--vault", vault, "--date", "2026-11-24", "--json");
    expect(JSON.parse(run.out)).toMatchObject({ path: "Journal/2026/11/2026-11-24 Tuesday.md", created: false, converted: true });
    const text = await fs.readFile(path.join(vault, "Journal/2026/11/2026-11-24 Tuesday.md"), "utf8");
    expect(text).toMatch(/^---\nid: .+\nkind: reflection\n/);
    expect(text).toContain("---\nMorning pages.\n\n## What worked?\n");
  });

  it("refuses a bad period or date with a usage error, writing nothing", async () => {
    vault = await makeTempVault();
    expect(await cli("reflect", "--vault", vault, "--period", "yearly")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--period must be one of daily, weekly, monthly") as unknown,
    });
    expect(await cli("reflect", "--vault", vault, "--date", "2026-02-30")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--date must be a date") as unknown,
    });
    expect(await fs.readdir(vault)).toEqual([]);
  });

  it("reports a reflection note it cannot read instead of rewriting it", async () => {
    vault = await makeTempVault({ "LifeBetter/Reflections/2026-11-24 reflection.md": "---\nwins: [\n---\nbody\n" });
    const run = await cli("reflect", "--vault", vault, "--date", "2026-11-24");
    expect(run.code).toBe(1);
    expect(run.err).toContain("was not changed");
    expect(await fs.readFile(path.join(vault, "LifeBetter/Reflections/2026-11-24 reflection.md"), "utf8")).toBe("---\nwins: [\n---\nbody\n");
  });

  it("ignores a prompt named like a schema property with a warning: mood stays a number, kind stays reflection", async () => {
    const note = "LifeBetter/Reflections/2026-11-24 reflection.md";
    const text =
      "---\nid: 6f1c1a8e-3c1b-4f5e-9a51-2d7c1c3b9e10\nkind: reflection\nperiod: daily\ndate: 2026-11-24\nmood: 7\n---\n## Mood\n\n- calm\n\n## Kind\n\n- odd\n";
    vault = await makeTempVault({
      ".obsidian/plugins/lifebetter/data.json": JSON.stringify({
        reflectionPrompts: [
          { heading: "Mood", property: "mood" },
          { heading: "Kind", property: "kind" },
          { heading: "Wins", property: "wins" },
        ],
      }),
      [note]: text,
    });
    for (let i = 0; i < 2; i++) {
      const run = await cli("reflect", "--vault", vault, "--date", "2026-11-24");
      expect(run.code).toBe(0);
      expect(run.err).toContain('the reflection prompt "Mood = mood" is ignored: the property mood holds a number from 1 to 10');
      expect(run.err).toContain('"Kind = kind" is ignored');
    }
    const after = await fs.readFile(path.join(vault, note), "utf8");
    expect(after).toContain("\nkind: reflection\n");
    expect(after).toContain("\nmood: 7\n");
    expect(after).toContain("## Mood\n\n- calm\n\n## Kind\n\n- odd\n");
  });

  it("explains a reflection whose kind an old prompt turned into a list, changes nothing, and check reports it", async () => {
    const note = "LifeBetter/Reflections/2026-11-24 reflection.md";
    const text = "---\nid: 6f1c1a8e-3c1b-4f5e-9a51-2d7c1c3b9e10\nkind:\n  - odd\nperiod: daily\ndate: 2026-11-24\n---\n## Kind\n\n- odd\n";
    vault = await makeTempVault({ [note]: text });
    const run = await cli("reflect", "--vault", vault, "--date", "2026-11-24");
    expect(run.code).toBe(1);
    expect(run.err).toContain('has kind: ["odd"], which is not a record kind, so it was not changed. Set its kind property back to reflection');
    expect(await fs.readFile(path.join(vault, note), "utf8")).toBe(text);
    const check = await cli("check", "--vault", vault);
    expect(check.out).toContain(`${note}: [invalid-value] kind must be one of`);
  });

  it("--date updates the day's reflection wherever it is instead of making a second one", async () => {
    const moved = "---\nid: 3d0c2a9e-7f4b-4c1e-8a2d-5b6e7f8a9b0c\nkind: reflection\nperiod: daily\ndate: 2026-11-24\n---\n## Wins\n\n- Ran\n";
    vault = await makeTempVault({ ".obsidian/daily-notes.json": dailyNotes, "Old reflections/24 Nov.md": moved });
    const run = await cli("reflect", "--vault", vault, "--date", "2026-11-24");
    expect(run.code).toBe(0);
    expect(run.out).toContain("Updated Old reflections/24 Nov.md");
    await expect(fs.access(path.join(vault, "Journal/2026/11/2026-11-24 Tuesday reflection.md"))).rejects.toThrow();
    expect(await fs.readFile(path.join(vault, "Old reflections/24 Nov.md"), "utf8")).toContain("wins:\n  - Ran\n");
  });

  it("writes problems worked on and meta-skills discovered in the period, and prints them", async () => {
    vault = await makeTempVault({
      ".obsidian/daily-notes.json": dailyNotes,
      "Problems/Flaky CI.md":
        "---\nkind: problem\nstatus: active\n---\n## Sessions\n| start | end | minutes | focus | energy | activity | distractions | outcome |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n| 2026-11-24T09:00:00 | 2026-11-24T10:00:00 | 60 | 7 | 7 | coding | | |\n",
      "Skills/Rubber duck.md": "---\nkind: meta-skill\ndiscovered: 2026-11-24\n---\n",
    });
    const run = await cli("reflect", "--vault", vault, "--date", "2026-11-24", "--json");
    expect(JSON.parse(run.out)).toMatchObject({ problems: ["[[Flaky CI]]"], meta_skills_discovered: ["[[Rubber duck]]"] });
    const text = await fs.readFile(path.join(vault, "Journal/2026/11/2026-11-24 Tuesday reflection.md"), "utf8");
    expect(text).toContain('problems:\n  - "[[Flaky CI]]"\n');
    expect((await cli("reflect", "--vault", vault, "--date", "2026-11-24")).out).toContain("problems: [[Flaky CI]]");
  });

  it("--period problem writes a reflection on the problem in the reflections folder; --period adhoc one named by date and time", async () => {
    vault = await makeTempVault({ "Problems/Ship v2.md": "---\nkind: problem\nstatus: active\nstarted: 2026-11-01\n---\nLaunch.\n" });
    const run = await cli("reflect", "--vault", vault, "--period", "problem", "--problem", "[[Ship v2]]", "--json");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as { path: string; date: string };
    expect(result).toMatchObject({ created: true, period: "problem", problems: ["[[Ship v2]]"], period_start: "2026-11-01" });
    expect(result.path).toBe(`LifeBetter/Reflections/Reflection on Ship v2 ${result.date}.md`);
    const text = await fs.readFile(path.join(vault, result.path), "utf8");
    expect(text).toContain("period: problem\n");
    expect(text).toContain("## Action items\n");
    const again = await cli("reflect", "--vault", vault, "--period", "problem", "--problem", "Ship v2");
    expect(again.out).toContain(`Updated ${result.path}`);
    const adhoc = await cli("reflect", "--vault", vault, "--period", "adhoc", "--json");
    expect(adhoc.code).toBe(0);
    expect((JSON.parse(adhoc.out) as { path: string }).path).toMatch(/^LifeBetter\/Reflections\/Reflection \d{4}-\d\d-\d\d \d\d\.\d\d\.md$/);
  });

  it("refuses a missing, unknown or ambiguous problem with a usage error, writing nothing", async () => {
    const problem = "---\nkind: problem\nstatus: active\n---\n";
    vault = await makeTempVault({ "A/Ship.md": problem, "B/Ship.md": problem });
    const before = (await fs.readdir(vault, { recursive: true })).sort();
    expect(await cli("reflect", "--vault", vault, "--period", "problem")).toMatchObject({
      code: 2,
      err: expect.stringContaining("Missing --problem") as unknown,
    });
    expect(await cli("reflect", "--vault", vault, "--period", "problem", "--problem", "Nope")).toMatchObject({
      code: 2,
      err: expect.stringContaining('No problem note named "Nope"') as unknown,
    });
    expect(await cli("reflect", "--vault", vault, "--period", "problem", "--problem", "Ship")).toMatchObject({
      code: 2,
      err: expect.stringContaining('"Ship" names 2 notes') as unknown,
    });
    expect(await cli("reflect", "--vault", vault, "--period", "daily", "--problem", "A/Ship")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--problem goes with --period problem") as unknown,
    });
    expect((await fs.readdir(vault, { recursive: true })).sort()).toEqual(before);
  });
});
