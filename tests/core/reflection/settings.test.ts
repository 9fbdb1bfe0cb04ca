import { describe, expect, it } from "vitest";
import { DEFAULT_PROMPTS, promptsFromText, promptsProblem, promptsToText } from "../../../src/core/reflection/prompts";
import { loadSettings } from "../../../src/core/settings";

describe("reflection settings", () => {
  it("default to the eight prompts, their own note, a 21:00 reminder on Sunday and no habits", () => {
    expect(loadSettings(undefined)).toMatchObject({
      reflectionPrompts: DEFAULT_PROMPTS,
      reflectionTemplate: "",
      reflectionInPeriodicNote: false,
      reflectionTime: "21:00",
      weeklyReflectionDay: 0,
      habits: [],
    });
  });

  it("ask for action items by default, while a saved prompt list stays exactly as the user left it", () => {
    expect(loadSettings(undefined).reflectionPrompts).toContainEqual({ heading: "Action items", property: "action_items" });
    const saved = [
      { heading: "What worked?", property: "what_worked" },
      { heading: "Wins", property: "wins" },
    ];
    expect(loadSettings({ reflectionPrompts: saved }).reflectionPrompts).toEqual(saved);
  });

  it("keep valid saved values and drop what cannot be used", () => {
    const loaded = loadSettings({
      reflectionPrompts: [
        { heading: "Energy drains", property: "energy_drains" },
        { heading: "Wins", property: "wins" },
      ],
      reflectionTime: "7:00",
      weeklyReflectionDay: 9,
      habits: [{ name: " Run ", targetPerWeek: 3 }, { name: "Run", targetPerWeek: 2 }, { name: "Read", targetPerWeek: 12 }, { name: "" }, "x"],
    });
    expect(loaded.reflectionPrompts).toEqual([
      { heading: "Energy drains", property: "energy_drains" },
      { heading: "Wins", property: "wins" },
    ]);
    expect(loaded.reflectionTime).toBe("21:00");
    expect(loaded.weeklyReflectionDay).toBe(0);
    expect(loaded.habits).toEqual([
      { name: "Run", targetPerWeek: 3 },
      { name: "Read", targetPerWeek: 7 },
    ]);
    // Two prompts mirrored into one property would fight: the defaults are used instead.
    expect(
      loadSettings({
        reflectionPrompts: [
          { heading: "A", property: "wins" },
          { heading: "B", property: "wins" },
        ],
      }).reflectionPrompts,
    ).toEqual(DEFAULT_PROMPTS);
  });

  it("prompts round-trip through the settings text, one 'Heading = property' a line", () => {
    expect(promptsFromText(promptsToText(DEFAULT_PROMPTS))).toEqual(DEFAULT_PROMPTS);
    expect(promptsFromText("Energy drains\n\n  Wins = wins  ")).toEqual([
      { heading: "Energy drains", property: "energy_drains" },
      { heading: "Wins", property: "wins" },
    ]);
    expect(promptsProblem(promptsFromText("Wins\nwins"))).toMatch(/used twice/);
    expect(promptsProblem([{ heading: "X", property: "Bad Name" }])).toMatch(/not a property name/);
  });

  it("refuse a prompt whose property is a schema property, saying why, and keep free lists", () => {
    const [mood, kind] = promptsFromText("Mood\nKind");
    expect(promptsProblem([mood!])).toMatch(/"Mood": the property mood holds a number from 1 to 10 .*such as mood_notes/);
    expect(promptsProblem([kind!])).toMatch(/property kind holds one of entry, problem/);
    for (const property of ["tags", "habits", "created", "problems", "type", "status", "aliases"]) {
      expect(promptsProblem([{ heading: "X", property }]), property).not.toBeNull();
    }
    expect(promptsProblem([{ heading: "Mood", property: "mood_notes" }, { heading: "Feelings", property: "feelings" }, ...DEFAULT_PROMPTS])).toBeNull();
  });

  it("ignore a saved prompt naming a schema property, with a warning, and keep the others", () => {
    const warnings: string[] = [];
    const loaded = loadSettings(
      {
        reflectionPrompts: [
          { heading: "Mood", property: "mood" },
          { heading: "Wins", property: "wins" },
          { heading: "Kind", property: "kind" },
        ],
      },
      (message) => warnings.push(message),
    );
    expect(loaded.reflectionPrompts).toEqual([{ heading: "Wins", property: "wins" }]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/reflection prompt "Mood = mood" is ignored: the property mood holds a number/);
    expect(warnings[1]).toMatch(/"Kind = kind" is ignored/);
  });
});
