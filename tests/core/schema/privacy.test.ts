import { describe, expect, it } from "vitest";
import { isPrivate, oddPrivateSpelling } from "../../../src/core/schema/privacy";

describe("what counts as private (fails closed)", () => {
  it.each<[string, Record<string, unknown>]>([
    ["private: true", { private: true }],
    ['private: "true"', { private: "true" }],
    ["private: yes", { private: "yes" }],
    ["private: Yes", { private: "Yes" }],
    ["private: 1", { private: 1 }],
    ["private: on", { private: "on" }],
    ["private: [true]", { private: [true] }],
    ["private: [false] (a list is not clearly false)", { private: [false] }],
    ["private: secret", { private: "secret" }],
    ["Private: true", { Private: true }],
    ["PRIVATE: yes", { PRIVATE: "yes" }],
    ["private: {a: 1}", { private: { a: 1 } }],
    ["private: false beside Private: true", { private: false, Private: true }],
  ])("%s is private", (_, properties) => {
    expect(isPrivate(properties)).toBe(true);
  });

  it.each<[string, Record<string, unknown>]>([
    ["no private property", { kind: "entry" }],
    ["private: false", { private: false }],
    ['private: "false"', { private: "false" }],
    ["private: no", { private: "no" }],
    ["private: NO", { private: "NO" }],
    ["private: 0", { private: 0 }],
    ['private: "0"', { private: "0" }],
    ["private: off", { private: "off" }],
    ["private: (empty)", { private: null }],
    ['private: ""', { private: "  " }],
    ["private: []", { private: [] }],
    ["Private: false", { Private: false }],
  ])("%s is not private", (_, properties) => {
    expect(isPrivate(properties)).toBe(false);
  });

  it("names odd spellings with the checkbox to write instead", () => {
    expect(oddPrivateSpelling({ private: true })).toBeNull();
    expect(oddPrivateSpelling({ private: false })).toBeNull();
    expect(oddPrivateSpelling({ private: "yes" })).toEqual({ key: "private", value: "yes", canonical: true });
    expect(oddPrivateSpelling({ private: "off" })).toEqual({ key: "private", value: "off", canonical: false });
    expect(oddPrivateSpelling({ Private: true })).toEqual({ key: "Private", value: true, canonical: true });
  });
});
