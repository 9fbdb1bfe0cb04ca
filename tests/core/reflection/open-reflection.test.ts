import { describe, expect, it } from "vitest";
import { openReflection, syncAnswers } from "../../../src/core/reflection/open-reflection";
import { env } from "./support";
import { propertiesOf } from "../../support/note-properties";

const journal = { folder: "Journal", format: "YYYY/MM/YYYY-MM-DD dddd", source: "daily-notes" as const };

describe("opening a reflection in its own note", () => {
  it("creates it beside the daily note, named from the daily-notes format, with every prompt as a heading", async () => {
    const e = env({}, {}, journal);
    const opened = await openReflection(e, "daily", "2026-11-24");
    expect(opened.path).toBe("Journal/2026/11/2026-11-24 Tuesday reflection.md");
    expect(opened.created).toBe(true);
    const text = e.repo.files.get(opened.path);
    expect(propertiesOf(text)).toMatchObject({ kind: "reflection", period: "daily", date: "2026-11-24", what_worked: [], goals_for_next: [] });
    expect(text).toContain(
      "## What worked?\n\n## What didn't?\n\n## What did I learn?\n\n## Patterns noticed\n\n## Wins\n\n## Gratitude\n\n## Tomorrow's focus\n\n## Action items\n",
    );
    // No daily note yet: none is created just to hold a link.
    expect([...e.repo.files.keys()]).toEqual([opened.path]);
  });

  it("links it from an existing daily note by appending one line, once", async () => {
    const daily = "---\ntags: [daily]\n---\n# Tuesday\n\nSome notes.";
    const e = env({ "Journal/2026/11/2026-11-24 Tuesday.md": daily }, {}, journal);
    const opened = await openReflection(e, "daily", "2026-11-24");
    expect(opened.linkedFrom).toBe("Journal/2026/11/2026-11-24 Tuesday.md");
    expect(e.repo.files.get("Journal/2026/11/2026-11-24 Tuesday.md")).toBe(`${daily}\n\nReflection: [[2026-11-24 Tuesday reflection]]\n`);
    const again = await openReflection(e, "daily", "2026-11-24");
    expect(again.created).toBe(false);
    expect(again.linkedFrom).toBeUndefined();
    expect(e.repo.files.get("Journal/2026/11/2026-11-24 Tuesday.md")).toBe(`${daily}\n\nReflection: [[2026-11-24 Tuesday reflection]]\n`);
  });

  it("weekly and monthly reflections cover Monday to Sunday and the calendar month", async () => {
    const e = env();
    const week = await openReflection(e, "weekly", "2026-11-25");
    expect(week.path).toBe("LifeBetter/Reflections/2026-W48 reflection.md");
    expect(propertiesOf(e.repo.files.get(week.path))).toMatchObject({
      period: "weekly",
      date: "2026-11-23",
      period_start: "2026-11-23",
      period_end: "2026-11-29",
    });
    const month = await openReflection(e, "monthly", "2026-02-10");
    expect(propertiesOf(e.repo.files.get(month.path))).toMatchObject({ period: "monthly", period_start: "2026-02-01", period_end: "2026-02-28" });
  });

  it("uses the user's reflection template, leaving Templater syntax for Templater", async () => {
    const template = '---\ncssclasses: [journal]\n---\n# {{title}} — <% tp.date.now("HH:mm") %>\n\n## Wins\n\n## Gratitude\n';
    const e = env({ "Templates/Reflection.md": template }, { reflectionTemplate: "Templates/Reflection" });
    const opened = await openReflection(e, "daily", "2026-11-24");
    const text = e.repo.files.get(opened.path) ?? "";
    expect(propertiesOf(text)).toMatchObject({ cssclasses: ["journal"], kind: "reflection", wins: [] });
    expect(text).toContain('# 2026-11-24 — <% tp.date.now("HH:mm") %>\n\n## Wins\n\n## Gratitude\n');
    // Prompts the template leaves out are reported, not forced into the note.
    expect(opened.sync.prompts.find((p) => p.prompt.property === "what_worked")?.state).toBe("heading-missing");
  });

  it("says which template is missing instead of writing a note without it", async () => {
    const e = env({}, { reflectionTemplate: "Templates/Gone" });
    await expect(openReflection(e, "daily", "2026-11-24")).rejects.toThrow(/"Templates\/Gone" does not exist/);
    expect(e.repo.files.size).toBe(0);
  });
});

describe("a reflection that already exists in another folder", () => {
  const moved =
    "---\nid: 3d0c2a9e-7f4b-4c1e-8a2d-5b6e7f8a9b0c\nkind: reflection\nperiod: daily\ndate: 2026-11-24\ncreated: 2026-11-24T21:00:00Z\nwins: []\n---\n## Wins\n\n- Ran\n";

  it("is updated where it is, never doubled, whether the reflection would go in its own note or the daily note", async () => {
    for (const inPeriodicNote of [false, true]) {
      const daily = "Some notes.\n";
      const e = env(
        { "Archive/2026/Tuesday thoughts.md": moved, "Journal/2026/11/2026-11-24 Tuesday.md": daily },
        { reflectionInPeriodicNote: inPeriodicNote },
        journal,
      );
      const opened = await openReflection(e, "daily", "2026-11-24");
      expect(opened).toMatchObject({ path: "Archive/2026/Tuesday thoughts.md", created: false, converted: false });
      expect(propertiesOf(e.repo.files.get(opened.path))).toMatchObject({ wins: ["Ran"] });
      const reflections = [...e.repo.files.values()].filter((text) => propertiesOf(text).kind === "reflection");
      expect(reflections).toHaveLength(1);
      // The daily note is linked to it, not made a reflection.
      expect(e.repo.files.get("Journal/2026/11/2026-11-24 Tuesday.md")).toBe(`${daily}\nReflection: [[Tuesday thoughts]]\n`);
    }
  });

  it("of another day or period does not count: the day's reflection is created", async () => {
    const e = env(
      { "Archive/other.md": moved.replace("date: 2026-11-24", "date: 2026-11-23"), "Archive/week.md": moved.replace("period: daily", "period: weekly") },
      {},
      journal,
    );
    const opened = await openReflection(e, "daily", "2026-11-24");
    expect(opened).toMatchObject({ path: "Journal/2026/11/2026-11-24 Tuesday reflection.md", created: true });
  });

  it("a weekly reflection is found by its week, whatever day of it was asked for", async () => {
    const weekly = moved.replace("period: daily\ndate: 2026-11-24", "period: weekly\ndate: 2026-11-23\nperiod_start: 2026-11-23\nperiod_end: 2026-11-29");
    const e = env({ "Old/week 48.md": weekly });
    const opened = await openReflection(e, "weekly", "2026-11-27");
    expect(opened).toMatchObject({ path: "Old/week 48.md", created: false });
    expect(e.repo.files.size).toBe(1);
  });
});

describe("writing the reflection into the daily note", () => {
  it("adds properties and the prompt sections to an existing daily note, keeping its bytes as they were", async () => {
    const daily = '---\ncategories: ["[[Daily]]"]\n---\n## Notes\n\nMet Ana.\n';
    const e = env({ "Daily/2026-11-24.md": daily }, { reflectionInPeriodicNote: true }, { folder: "Daily", source: "daily-notes" });
    const opened = await openReflection(e, "daily", "2026-11-24");
    expect(opened).toMatchObject({ path: "Daily/2026-11-24.md", created: false, converted: true });
    const text = e.repo.files.get("Daily/2026-11-24.md") ?? "";
    expect(propertiesOf(text)).toMatchObject({ categories: ["[[Daily]]"], kind: "reflection", period: "daily", wins: [] });
    expect(text).toContain("---\n## Notes\n\nMet Ana.\n\n## What worked?\n\n");
    const before = text;
    await openReflection(e, "daily", "2026-11-24");
    expect(e.repo.files.get("Daily/2026-11-24.md")).toBe(before);
  });

  it("creates a missing daily note from the Daily notes template, its placeholders filled", async () => {
    const template = "---\ntags: [daily]\ncreated: \"{{date:YYYY-MM-DD}}T{{time}}\"\n---\n# {{title}}\n\n<%* tR += 'x' %>\n";
    const e = env({ "Templates/Daily.md": template }, { reflectionInPeriodicNote: true }, { ...journal, template: "Templates/Daily" });
    const opened = await openReflection(e, "daily", "2026-11-24");
    const text = e.repo.files.get(opened.path) ?? "";
    expect(opened.path).toBe("Journal/2026/11/2026-11-24 Tuesday.md");
    expect(propertiesOf(text)).toMatchObject({ tags: ["daily"], created: "2026-11-24T21:05", kind: "reflection" });
    expect(text).toContain("# 2026-11-24 Tuesday\n\n<%* tR += 'x' %>\n\n## What worked?\n");
  });

  it("keeps prompt headings the daily note already has and adds only the missing ones", async () => {
    const daily = "## Wins\n- Ran\n\n## Log\ntext\n";
    const e = env({ "R/2026-11-24.md": daily }, { reflectionInPeriodicNote: true }, { folder: "R" });
    await openReflection(e, "daily", "2026-11-24");
    const text = e.repo.files.get("R/2026-11-24.md") ?? "";
    expect(text.match(/## Wins/g)).toHaveLength(1);
    expect(propertiesOf(text).wins).toEqual(["Ran"]);
    expect(text).toContain("## Log\ntext\n\n## What worked?\n");
  });

  it("refuses a note that is another LifeBetter record, or whose properties cannot be read", async () => {
    const e = env(
      { "R/2026-11-24.md": "---\nkind: problem\n---\n", "R/2026-11-25.md": "---\na: [\n---\n" },
      { reflectionInPeriodicNote: true },
      { folder: "R" },
    );
    await expect(openReflection(e, "daily", "2026-11-24")).rejects.toThrow(/already a LifeBetter problem/);
    await expect(openReflection(e, "daily", "2026-11-25")).rejects.toThrow(/was not changed/);
    expect(e.repo.files.get("R/2026-11-25.md")).toBe("---\na: [\n---\n");
  });
});

describe("syncing an edited reflection on disk", () => {
  it("writes the body edit and the properties (with updated) through the repository, nothing else", async () => {
    const e = env();
    const { path } = await openReflection(e, "daily", "2026-11-24");
    const text = e.repo.files.get(path) ?? "";
    e.repo.files.set(path, text.replace("## Wins\n", "## Wins\n- Ran 5k\n").replace("gratitude: []", "gratitude:\n  - Sun"));
    const plan = await syncAnswers(e.repo, path, e.settings, e.now);
    const after = e.repo.files.get(path) ?? "";
    expect(propertiesOf(after)).toMatchObject({ wins: ["Ran 5k"], gratitude: ["Sun"], updated: expect.stringMatching(/^2026-11-24T21:05:00/) as unknown });
    expect(after).toContain("## Gratitude\n\n- Sun\n");
    expect(plan.prompts.filter((p) => p.state !== "in-step").map((p) => p.prompt.property)).toEqual(["wins", "gratitude"]);
  });
});
