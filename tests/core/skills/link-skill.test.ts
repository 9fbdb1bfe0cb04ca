import { describe, expect, it } from "vitest";
import { addSkillLink } from "../../../src/core/skills/link-skill";

describe("linking a suggested skill", () => {
  it.each([
    [{}, ["[[Divide and conquer]]"], true],
    [{ meta_skills: ["[[Rubber duck]]"] }, ["[[Rubber duck]]", "[[Divide and conquer]]"], true],
    [{ meta_skills: "[[Rubber duck]]" }, ["[[Rubber duck]]", "[[Divide and conquer]]"], true], // a lone link becomes a list
    [{ meta_skills: ["[[divide and conquer|D&C]]"] }, ["[[divide and conquer|D&C]]"], false], // already linked
    [{ meta_skills: ["[[Skills/Divide and conquer]]"] }, ["[[Skills/Divide and conquer]]"], false],
    [{ meta_skills: null }, ["[[Divide and conquer]]"], true],
  ])("%j → %j", (start, expected, added) => {
    const properties: Record<string, unknown> = structuredClone(start);
    expect(addSkillLink(properties, "Divide and conquer")).toBe(added);
    expect(properties.meta_skills).toEqual(expected);
  });
});
