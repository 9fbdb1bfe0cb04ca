import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planAnswerSync, targetAnswers } from "../../../src/core/reflection/answers";
import { DEFAULT_PROMPTS, type ReflectionPrompt } from "../../../src/core/reflection/prompts";
import { describeSync } from "../../../src/core/reflection/sync-report";

const prompts: ReflectionPrompt[] = [
  { heading: "What worked?", property: "what_worked" },
  { heading: "Wins", property: "wins" },
  { heading: "Gratitude", property: "gratitude" },
];

const body = `Intro line stays.

## What worked?
- Pairing on the bug
  - it took an hour
- Short lunch

## Wins

## Gratitude
A paragraph first.

### Details
Sub-heading text.
`;

describe("answers → properties (the user edits the note)", () => {
  it("copies the list items under each heading into the matching list property, as written", () => {
    const plan = planAnswerSync(
      body.replace("## Wins\n", "## Wins\n- Shipped **v2** with [[Ship v2]]\n"),
      { what_worked: [], wins: [], gratitude: [] },
      prompts,
    );
    expect(plan.properties).toEqual({ what_worked: ["Pairing on the bug", "Short lunch"], wins: ["Shipped **v2** with [[Ship v2]]"] });
    expect(plan.prompts.map((p) => p.state)).toEqual(["body-to-property", "body-to-property", "in-step"]);
    expect(plan.body).toBe(body.replace("## Wins\n", "## Wins\n- Shipped **v2** with [[Ship v2]]\n"));
  });

  it("takes a removed item out of the property when the last sync is known", () => {
    const base = { what_worked: ["Pairing on the bug", "Short lunch", "Walk"], wins: [], gratitude: [] };
    const plan = planAnswerSync(body, { what_worked: base.what_worked, wins: [], gratitude: [] }, prompts, base);
    expect(plan.properties).toEqual({ what_worked: ["Pairing on the bug", "Short lunch"] });
    expect(plan.body).toBe(body);
  });

  it("writes a missing property key from the body instead of emptying the section", () => {
    const plan = planAnswerSync(body, { wins: [], gratitude: [] }, prompts, { what_worked: ["Pairing on the bug", "Short lunch"] });
    expect(plan.properties).toEqual({ what_worked: ["Pairing on the bug", "Short lunch"] });
    expect(plan.body).toBe(body);
  });
});

describe("properties → answers (the user edits the Properties panel)", () => {
  const synced = { what_worked: ["Pairing on the bug", "Short lunch"], wins: [], gratitude: [] };

  it("adds a new answer after the last item, keeping every other byte (nested items included)", () => {
    const plan = planAnswerSync(body, { ...synced, what_worked: ["Pairing on the bug", "Short lunch", "Timeboxing"] }, prompts, synced);
    expect(plan.body).toBe(body.replace("- Short lunch\n", "- Short lunch\n- Timeboxing\n"));
    expect(plan.properties).toEqual({});
    expect(plan.prompts[0]?.state).toBe("property-to-body");
  });

  it("removes exactly the lines of a removed answer, its nested items with it", () => {
    const plan = planAnswerSync(body, { ...synced, what_worked: ["Short lunch"] }, prompts, synced);
    expect(plan.body).toBe(body.replace("- Pairing on the bug\n  - it took an hour\n", ""));
    expect(plan.prompts[0]?.removedFromBody).toEqual(["Pairing on the bug"]);
  });

  it("starts a list in an empty section and after a paragraph, never under a sub-heading", () => {
    const plan = planAnswerSync(body, { ...synced, wins: ["Ran 5k"], gratitude: ["Sun"] }, prompts, synced);
    expect(plan.body).toBe(body.replace("## Wins\n", "## Wins\n\n- Ran 5k\n").replace("A paragraph first.\n", "A paragraph first.\n\n- Sun\n"));
    expect(plan.synced).toEqual({ what_worked: synced.what_worked, wins: ["Ran 5k"], gratitude: ["Sun"] });
  });

  it("puts a blank line between the heading and a new list, and before what follows, as hand-written Markdown has", () => {
    const cases: [string, string][] = [
      ["## Wins\n\n## Gratitude\n", "## Wins\n\n- Ran 5k\n\n## Gratitude\n"],
      ["## Wins\n## Gratitude\n", "## Wins\n\n- Ran 5k\n\n## Gratitude\n"],
      ["## Wins\n", "## Wins\n\n- Ran 5k\n"],
      ["## Wins", "## Wins\n\n- Ran 5k\n"],
      ["## Wins\r\n\r\n## Gratitude\r\n", "## Wins\r\n\r\n- Ran 5k\r\n\r\n## Gratitude\r\n"],
    ];
    for (const [before, after] of cases) {
      const plan = planAnswerSync(before, { wins: ["Ran 5k"], gratitude: [] }, prompts.slice(1), { wins: [], gratitude: [] });
      expect(plan.body, JSON.stringify(before)).toBe(after);
      // Read back, the note and the property agree: nothing more to write.
      expect(planAnswerSync(plan.body, { wins: ["Ran 5k"], gratitude: [] }, prompts.slice(1), plan.synced).properties).toEqual({});
    }
  });

  it("reads a lone value, numbers and null as the list a hand edit meant", () => {
    const plan = planAnswerSync(body, { ...synced, wins: "Ran 5k", gratitude: null, what_worked: ["Pairing on the bug", "Short lunch", 42] }, prompts, synced);
    expect(plan.body).toContain("- Short lunch\n- 42\n");
    expect(plan.body).toContain("## Wins\n\n- Ran 5k\n");
    expect(plan.properties).toEqual({ wins: ["Ran 5k"], what_worked: ["Pairing on the bug", "Short lunch", "42"], gratitude: [] });
  });

  it("keeps the list's marker, numbering and line ends (CRLF)", () => {
    const crlf = "## Wins\r\n1. One\r\n2. Two\r\n\r\n## Gratitude\r\n* Sun\r\n";
    const base = { wins: ["One", "Two"], gratitude: ["Sun"] };
    const plan = planAnswerSync(crlf, { wins: ["One", "Two", "Three"], gratitude: ["Sun", "Rain"] }, prompts, base);
    expect(plan.body).toBe("## Wins\r\n1. One\r\n2. Two\r\n3. Three\r\n\r\n## Gratitude\r\n* Sun\r\n* Rain\r\n");
  });
});

describe("both sides edited, and no last sync known", () => {
  it("merges three ways: a removal and an addition on each side are all kept", () => {
    const base = { what_worked: ["A", "B", "C"] };
    const target = targetAnswers(["A", "C", "D"], ["A", "B", "E"], base.what_worked);
    // Body removed B and added D; the property removed C and added E.
    expect(target).toEqual(["A", "D", "E"]);
  });

  it("without a base (the CLI, or a note not seen before) nothing is dropped: the property's extras join the body", () => {
    const plan = planAnswerSync("## Wins\n- Ran\n", { wins: ["Slept", "Ran"] }, prompts);
    expect(plan.body).toBe("## Wins\n- Ran\n- Slept\n");
    expect(plan.properties).toEqual({ wins: ["Ran", "Slept"] });
    expect(plan.prompts[1]?.state).toBe("merged");
  });
});

describe("renamed or removed headings lose nothing", () => {
  it("leaves the property of a missing heading as it is and says so", () => {
    const renamed = body.replace("## What worked?", "## What went well");
    const properties = { what_worked: ["Pairing on the bug", "Walk"], wins: [], gratitude: [] };
    const plan = planAnswerSync(renamed, properties, prompts, { what_worked: ["Pairing on the bug"] });
    expect(plan.body).toBe(renamed);
    expect(plan.properties).toEqual({});
    expect(plan.prompts[0]).toMatchObject({ state: "heading-missing", kept: ["Pairing on the bug", "Walk"] });
    const removed = planAnswerSync("Just text.\n", properties, prompts);
    expect(removed.body).toBe("Just text.\n");
    expect(removed.properties).toEqual({});
  });

  it("never rewrites a property holding nested values", () => {
    const plan = planAnswerSync(body, { what_worked: [{ nested: "value" }], wins: [], gratitude: [] }, prompts);
    expect(plan.prompts[0]?.state).toBe("unreadable-property");
    expect(plan.properties).toEqual({});
    expect(plan.body).toBe(body);
  });
});

describe("a prompt named like a schema property", () => {
  it("never turns a number or the kind into a list of answers", () => {
    const note = "## Mood\n- calm\n\n## Kind\n- odd\n\n## Wins\n- Ran\n";
    const schemaPrompts = [
      { heading: "Mood", property: "mood" },
      { heading: "Kind", property: "kind" },
      { heading: "Wins", property: "wins" },
    ];
    const plan = planAnswerSync(note, { kind: "reflection", mood: 7, wins: [] }, schemaPrompts);
    expect(plan.properties).toEqual({ wins: ["Ran"] });
    expect(plan.body).toBe(note);
    expect(plan.prompts.map((p) => p.state)).toEqual(["schema-property", "schema-property", "body-to-property"]);
    expect(describeSync(plan)[0]).toMatch(/"Mood" was not synced: the property mood holds a number/);
  });
});

describe("the sync is a fixed point", () => {
  const answer = fc.constantFrom("A", "B", "C", "D", "E", "Walk **fast**", "[[Ship v2]]");
  const list = fc.array(answer, { maxLength: 5 });

  it("after any edit on either side, a second sync changes nothing and both sides agree", () => {
    fc.assert(
      fc.property(list, list, list, fc.boolean(), (bodyItems, propertyItems, baseItems, withBase) => {
        const text = `# Day\n\n${DEFAULT_PROMPTS.map((p) => `## ${p.heading}\n${p.property === "wins" ? bodyItems.map((i) => `- ${i}\n`).join("") : ""}\n`).join("")}Tail.\n`;
        const first = planAnswerSync(text, { wins: propertyItems }, DEFAULT_PROMPTS, withBase ? { wins: baseItems } : undefined);
        const properties = { wins: propertyItems, ...first.properties };
        const second = planAnswerSync(first.body, properties, DEFAULT_PROMPTS, first.synced);
        expect(second.body).toBe(first.body);
        expect(second.properties).toEqual({});
        expect(properties.wins).toEqual(first.synced.wins);
        expect(first.body.startsWith("# Day\n\n") && first.body.endsWith("Tail.\n")).toBe(true);
        // Nothing the user wrote in the property is lost without a base.
        if (!withBase) for (const item of propertyItems) expect(first.synced.wins).toContain(item);
      }),
      { numRuns: 60 },
    );
  });
});
