import { describe, expect, it } from "vitest";
import { composeNote } from "../../../src/core/codec/frontmatter";
import { findProblem } from "../../../src/core/problems/find-problem";
import { openSubjectReflection } from "../../../src/core/reflection/subject-reflection";
import { loadRecords } from "../../../src/core/vault/records";
import { env } from "./support";
import { propertiesOf } from "../../support/note-properties";

const files = {
  "Problems/Ship v2.md": composeNote({ id: "11111111-1111-4111-8111-111111111111", kind: "problem", status: "active", started: "2026-11-10" }, "Launch it.\n"),
  "Skills/Rubber duck.md": composeNote({ kind: "meta-skill", discovered: "2026-11-12" }, ""),
  "Skills/Old trick.md": composeNote({ kind: "meta-skill", discovered: "2026-10-01" }, ""),
};

describe("problem and ad-hoc reflections", () => {
  it("a reflection on a problem links it, covers the problem's life for skills, and has the prompts", async () => {
    const e = env(files);
    const vault = await loadRecords(e.repo, e.settings);
    const opened = await openSubjectReflection(e, { period: "problem", problem: findProblem(vault, "Ship v2"), vault });
    expect(opened).toMatchObject({ path: "LifeBetter/Reflections/Reflection on Ship v2 2026-11-24.md", created: true, period: "problem", date: "2026-11-24" });
    const text = e.repo.files.get(opened.path) ?? "";
    expect(propertiesOf(text)).toMatchObject({
      kind: "reflection",
      period: "problem",
      date: "2026-11-24",
      period_start: "2026-11-10",
      period_end: "2026-11-24",
      problems: ["[[Ship v2]]"],
      meta_skills_discovered: ["[[Rubber duck]]"],
      action_items: [],
    });
    expect(text).toContain("## What worked?\n");
    expect(text).toContain("## Action items\n");
    // The same day again updates it (answers written meanwhile reach the property); never a second one.
    e.repo.files.set(opened.path, text.replace("## Action items\n", "## Action items\n- Write the release notes\n"));
    const again = await openSubjectReflection(e, { period: "problem", problem: findProblem(vault, "Ship v2"), vault });
    expect(again).toMatchObject({ path: opened.path, created: false });
    expect(propertiesOf(e.repo.files.get(opened.path))).toMatchObject({ action_items: ["Write the release notes"], problems: ["[[Ship v2]]"] });
    expect([...e.repo.files.keys()].filter((path) => path.startsWith("LifeBetter/Reflections/"))).toHaveLength(1);
  });

  it("an ad-hoc reflection is named by date and time and is always a new note", async () => {
    const e = env(files);
    const first = await openSubjectReflection(e, { period: "adhoc" });
    const second = await openSubjectReflection(e, { period: "adhoc" });
    expect(first.path).toBe("LifeBetter/Reflections/Reflection 2026-11-24 21.05.md");
    expect(second.path).toBe("LifeBetter/Reflections/Reflection 2026-11-24 21.05 2.md");
    expect(propertiesOf(e.repo.files.get(first.path))).toMatchObject({
      kind: "reflection",
      period: "adhoc",
      date: "2026-11-24",
      problems: [],
      meta_skills_discovered: [],
    });
  });

  it("refuses to write into a note of that name that is not a reflection on the problem", async () => {
    const e = env({ ...files, "LifeBetter/Reflections/Reflection on Ship v2 2026-11-24.md": "My own notes.\n" });
    const vault = await loadRecords(e.repo, e.settings);
    await expect(openSubjectReflection(e, { period: "problem", problem: findProblem(vault, "Ship v2"), vault })).rejects.toThrow(
      /already exists and is not a reflection/,
    );
    expect(e.repo.files.get("LifeBetter/Reflections/Reflection on Ship v2 2026-11-24.md")).toBe("My own notes.\n");
  });
});
