import { describe, expect, it } from "vitest";
import { KIND_PROPERTIES, COMMON_PROPERTIES } from "../../../src/core/schema/properties";
import { checkValue } from "../../../src/core/schema/values";

const entry = KIND_PROPERTIES.entry;

describe("checkValue", () => {
  it.each([
    ["mood", 7, entry.mood],
    ["review_on", "2026-02-28", entry.review_on],
    ["timestamp", "2026-11-24T09:30:00+01:00", entry.timestamp],
    ["timestamp", "2026-11-24T09:30", entry.timestamp],
    ["problem", "[[Ship v2]]", entry.problem],
    ["meta_skills", ["[[Divide and conquer]]", "[[Rubber duck|duck]]"], entry.meta_skills],
    ["tags", ["a", "b/c"], COMMON_PROPERTIES.tags],
    ["private", false, COMMON_PROPERTIES.private],
    ["outcome", "partial", entry.outcome],
    ["mood", null, entry.mood],
  ])("accepts %s = %j", (name, value, spec) => {
    expect(checkValue(name, value, spec!)).toBeNull();
  });

  it.each([
    ["mood", 11, entry.mood, /from 1 to 10/],
    ["mood", "high", entry.mood, /must be a whole number from 1 to 10/],
    ["mood", 6.5, entry.mood, /must be a whole number from 1 to 10, found 6.5/],
    ["energy", 0, entry.energy, /from 1 to 10/],
    ["review_on", "2026-02-30", entry.review_on, /YYYY-MM-DD/],
    ["timestamp", "yesterday", entry.timestamp, /ISO 8601/],
    ["outcome", "meh", entry.outcome, /one of success, partial, failed, abandoned/],
    ["private", "yes", COMMON_PROPERTIES.private, /checkbox/],
    ["tags", { a: 1 }, COMMON_PROPERTIES.tags, /must be a list/],
    ["problem", 42, entry.problem, /must be a link/],
    ["meta_skills", { x: 1 }, entry.meta_skills, /list of links/],
  ])("rejects %s = %j with a message that says what is expected", (name, value, spec, message) => {
    expect(checkValue(name, value, spec!)?.message).toMatch(message);
  });

  it("offers repairs that keep the user's data", () => {
    expect(checkValue("tags", "solo", COMMON_PROPERTIES.tags!)?.repaired).toEqual(["solo"]);
    expect(checkValue("problem", "Ship v2", entry.problem!)?.repaired).toBe("[[Ship v2]]");
    expect(checkValue("meta_skills", "Divide", entry.meta_skills!)?.repaired).toEqual(["[[Divide]]"]);
    expect(checkValue("mood", "7", entry.mood!)?.repaired).toBe(7);
    expect(checkValue("mood", "70", entry.mood!)?.repaired).toBeUndefined();
  });
});
