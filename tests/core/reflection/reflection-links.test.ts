import { describe, expect, it } from "vitest";
import { composeNote } from "../../../src/core/codec/frontmatter";
import { openReflection, syncAnswers } from "../../../src/core/reflection/open-reflection";
import { env } from "./support";
import { propertiesOf } from "../../support/note-properties";

const sessions = (...rows: [string, string, number][]) =>
  `## Sessions\n| start | end | minutes | focus | energy | activity | distractions | outcome |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n${rows
    .map(([start, end, minutes]) => `| ${start} | ${end} | ${minutes} | 7 | 7 | coding | | |\n`)
    .join("")}`;

const problem = (id: string, body = "") => composeNote({ id, kind: "problem", status: "active", created: "2026-11-01T09:00:00" }, body);
const skill = (discovered: string) => composeNote({ kind: "meta-skill", source: "discovered", discovered }, "## What it is\n");
const entry = (timestamp: string, problemLink: string) => composeNote({ kind: "entry", type: "attempt", timestamp, problem: problemLink }, "Tried it.\n");

/** A week (Mon 23 – Sun 29 November 2026) with work on two problems and one outside it. */
function week() {
  return {
    "Problems/Flaky CI.md": problem("11111111-1111-4111-8111-111111111111", sessions(["2026-11-24T09:00:00", "2026-11-24T10:30:00", 90])),
    "Problems/Slow build.md": problem("22222222-2222-4222-8222-222222222222"),
    "Problems/Old bug.md": problem("33333333-3333-4333-8333-333333333333", sessions(["2026-11-10T09:00:00", "2026-11-10T10:00:00", 60])),
    "Entries/attempt.md": entry("2026-11-25T15:00:00", "[[Slow build]]"),
    "Entries/old attempt.md": entry("2026-11-02T15:00:00", "[[Old bug]]"),
    "Skills/Rubber duck.md": skill("2026-11-26"),
    "Skills/Bisect.md": skill("2026-10-02"),
  };
}

describe("a reflection's problems and meta-skills discovered", () => {
  it("lists the problems worked on in its period (a session, or a dated entry linking them) and the skills discovered in it", async () => {
    const e = env(week());
    const opened = await openReflection(e, "weekly", "2026-11-25");
    const properties = propertiesOf(e.repo.files.get(opened.path));
    expect(properties.problems).toEqual(["[[Flaky CI]]", "[[Slow build]]"]);
    expect(properties.meta_skills_discovered).toEqual(["[[Rubber duck]]"]);
    expect(opened.sync.properties).toMatchObject({ problems: ["[[Flaky CI]]", "[[Slow build]]"] });
    // A daily reflection covers its day only.
    const daily = await openReflection(e, "daily", "2026-11-24");
    expect(propertiesOf(e.repo.files.get(daily.path))).toMatchObject({ problems: ["[[Flaky CI]]"], meta_skills_discovered: [] });
  });

  it("keeps them in step on the next sync, in one write, and leaves a list whose links already point at the same notes", async () => {
    const e = env(week());
    const opened = await openReflection(e, "weekly", "2026-11-25");
    e.repo.files.set("Skills/Timebox.md", skill("2026-11-29"));
    e.repo.files.set("Problems/Old bug.md", problem("33333333-3333-4333-8333-333333333333", sessions(["2026-11-27T09:00:00", "2026-11-27T09:30:00", 30])));
    const plan = await syncAnswers(e.repo, opened.path, e.settings, new Date(2026, 10, 29, 20, 0));
    const text = e.repo.files.get(opened.path) ?? "";
    expect(propertiesOf(text)).toMatchObject({
      problems: ["[[Flaky CI]]", "[[Old bug]]", "[[Slow build]]"],
      meta_skills_discovered: ["[[Rubber duck]]", "[[Timebox]]"],
      updated: expect.stringMatching(/^2026-11-29T20:00:00/) as unknown,
    });
    expect(Object.keys(plan.properties).sort()).toEqual(["meta_skills_discovered", "problems"]);
    // The user's own link text for the same notes is kept; nothing is written.
    const aliased = text.replace('  - "[[Flaky CI]]"', '  - "[[Problems/Flaky CI|CI]]"');
    expect(aliased).not.toBe(text);
    e.repo.files.set(opened.path, aliased);
    const again = await syncAnswers(e.repo, opened.path, e.settings, new Date(2026, 10, 30, 8, 0));
    expect(again.properties).toEqual({});
    expect(e.repo.files.get(opened.path)).toBe(aliased);
  });

  it("drops a problem whose only session in the period was removed", async () => {
    const e = env(week());
    const opened = await openReflection(e, "weekly", "2026-11-25");
    e.repo.files.set("Problems/Flaky CI.md", problem("11111111-1111-4111-8111-111111111111"));
    await syncAnswers(e.repo, opened.path, e.settings, e.now);
    expect(propertiesOf(e.repo.files.get(opened.path)).problems).toEqual(["[[Slow build]]"]);
  });
});
