import { describe, expect, it } from "vitest";
import { loadSettings } from "../../../src/core/settings";
import { draftToInput } from "../../../src/ui/capture/capture-draft";
import { parseCaptureUri } from "../../../src/ui/capture/capture-uri";

const settings = loadSettings({ lastEntryType: "question", customEntryTypes: [{ name: "experiment", fields: ["hypothesis"] }] });

describe("capture URI parameters", () => {
  it("reads every capture parameter into the draft", () => {
    const { draft, problems } = parseCaptureUri(
      {
        action: "lifebetter-capture",
        vault: "My vault",
        type: "attempt",
        text: "Tried it",
        problem: "Ship v2",
        tags: "a,b",
        meta_skills: "Divide and conquer",
        mood: "6",
        context: "train",
        approach: "bisect",
        time_spent: "30",
      },
      settings,
    );
    expect(problems).toEqual([]);
    expect(draft).toEqual({
      type: "attempt",
      text: "Tried it",
      problem: "Ship v2",
      tags: "a,b",
      metaSkills: "Divide and conquer",
      mood: 6,
      context: "train",
      fields: { approach: "bisect", time_spent: "30" },
    });
    expect(draftToInput(draft, settings, "uri")).toMatchObject({
      type: "attempt",
      tags: ["a", "b"],
      metaSkills: ["Divide and conquer"],
      mood: 6,
      source: "uri",
    });
  });

  it("reads location, feelings, parent and conversation", () => {
    const { draft, problems } = parseCaptureUri(
      { type: "insight", text: "x", location: "Berlin", feelings: "calm,grateful", parent: "First thought", conversation: "[[Caching chat]]" },
      settings,
    );
    expect(problems).toEqual([]);
    expect(draftToInput(draft, settings, "uri")).toMatchObject({
      location: "Berlin",
      feelings: ["calm", "grateful"],
      parent: "First thought",
      conversation: "[[Caching chat]]",
    });
  });

  it("uses the last type when none is given, and a custom type's fields", () => {
    expect(parseCaptureUri({ text: "x" }, settings).draft.type).toBe("question");
    const { draft, problems } = parseCaptureUri({ type: "experiment", text: "x", hypothesis: "faster" }, settings);
    expect(problems).toEqual([]);
    expect(draft.fields).toEqual({ hypothesis: "faster" });
  });

  it("says what is wrong and keeps everything it can hold", () => {
    const { draft, problems } = parseCaptureUri({ type: "idea", text: "keep me", mood: "high", colour: "blue", approach: "x" }, settings);
    expect(draft.text).toBe("keep me");
    expect(draft.type).toBe("question");
    expect(draft.mood).toBeUndefined();
    expect(draft.fields).toEqual({ approach: "x" });
    expect(problems).toEqual([
      expect.stringMatching(/Unknown entry type "idea"/),
      'mood must be a whole number from 1 to 10, not "high".',
      '"colour" is not a capture parameter, so it was not used.',
      '"approach" is not a field of question entries.',
    ]);
  });

  it("keeps a number the core will refuse (mood 11), so the core's message explains it", () => {
    const { draft, problems } = parseCaptureUri({ text: "x", mood: "11" }, settings);
    expect(problems).toEqual([]);
    expect(draft.mood).toBe(11);
  });
});
