import { describe, expect, it } from "vitest";
import { splitIdHolders } from "../../../src/core/check/id-keeper";

describe("splitIdHolders", () => {
  it("lets the oldest file keep the id and marks the newer ones as copies", () => {
    const split = splitIdHolders([
      { path: "a/copy.md", ctime: 2_000 },
      { path: "z/original.md", ctime: 1_000 },
      { path: "b/another copy.md", ctime: 3_000 },
    ]);
    expect(split?.keeper.path).toBe("z/original.md");
    expect(split?.copies.map((copy) => copy.path)).toEqual(["a/copy.md", "b/another copy.md"]);
  });

  it("breaks a tie in creation time by path, so every run agrees", () => {
    const forward = splitIdHolders([
      { path: "b.md", ctime: 5 },
      { path: "a.md", ctime: 5 },
    ]);
    const backward = splitIdHolders([
      { path: "a.md", ctime: 5 },
      { path: "b.md", ctime: 5 },
    ]);
    expect(forward?.keeper.path).toBe("a.md");
    expect(backward?.keeper.path).toBe("a.md");
  });

  it("has no keeper for no holders", () => {
    expect(splitIdHolders([])).toBeNull();
  });
});
